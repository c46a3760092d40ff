using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Licensing.Data;

/// <summary>The <c>LicenseRenewals</c> table: one row per paid renewal line.</summary>
public sealed class LicenseRenewalConfiguration : IEntityTypeConfiguration<LicenseRenewal>
{
    public void Configure(EntityTypeBuilder<LicenseRenewal> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LicenseRenewals");
        builder.Property(r => r.OrderNumber).HasMaxLength(64);
        builder.Ignore(r => r.Validity);
        builder.HasIndex(r => new { r.OrderNumber, r.LineNumber }).IsUnique();
        builder.HasIndex(r => r.LicenseId);
        builder.HasOne<License>().WithMany().HasForeignKey(r => r.LicenseId).OnDelete(DeleteBehavior.Cascade);
    }
}
