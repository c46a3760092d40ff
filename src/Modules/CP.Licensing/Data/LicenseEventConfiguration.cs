using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Licensing.Data;

/// <summary>The <c>LicenseEvents</c> table: a license's history.</summary>
public sealed class LicenseEventConfiguration : IEntityTypeConfiguration<LicenseEvent>
{
    public void Configure(EntityTypeBuilder<LicenseEvent> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LicenseEvents");
        builder.Property(e => e.Actor).HasMaxLength(LicenseConfiguration.EmailMaxLength);
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.HasIndex(e => new { e.LicenseId, e.At });

        // The dashboard's activations per day: one index range per day (LicenseSql.ActivatedPerDay).
        builder.HasIndex(e => new { e.Kind, e.At });
    }
}
