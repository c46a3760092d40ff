using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Licensing.Data;

/// <summary>The <c>PlanLicensingSettings</c> table, keyed by CP.Commerce's plan id.</summary>
public sealed class PlanLicensingSettingsConfiguration : IEntityTypeConfiguration<PlanLicensingSettings>
{
    public void Configure(EntityTypeBuilder<PlanLicensingSettings> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PlanLicensingSettings", table =>
        {
            table.HasCheckConstraint("CK_PlanLicensingSettings_MaxActivations", "\"MaxActivations\" >= 0");
            table.HasCheckConstraint("CK_PlanLicensingSettings_ValidityValue", "\"ValidityValue\" >= 0");
            table.HasCheckConstraint("CK_PlanLicensingSettings_DeactivationsPer30Days", "\"DeactivationsPer30Days\" >= 0");
        });
        builder.HasKey(p => p.PlanId);
        builder.Property(p => p.RenewalPrice).HasPrecision(18, 2);
        builder.Ignore(p => p.OffersRenewal);
        builder.Property(p => p.PlanId).ValueGeneratedNever();
    }
}
