using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Licensing.Data;

/// <summary>The <c>LicenseUpgrades</c> table: one row per paid upgrade line.</summary>
public sealed class LicenseUpgradeConfiguration : IEntityTypeConfiguration<LicenseUpgrade>
{
    public void Configure(EntityTypeBuilder<LicenseUpgrade> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LicenseUpgrades");
        builder.Property(u => u.OrderNumber).HasMaxLength(64);
        builder.Property(u => u.FromProductName).HasMaxLength(LicenseConfiguration.ProductNameMaxLength);
        builder.HasIndex(u => new { u.OrderNumber, u.LineNumber }).IsUnique();
        builder.HasIndex(u => u.LicenseId);
        builder.HasOne<License>().WithMany().HasForeignKey(u => u.LicenseId).OnDelete(DeleteBehavior.Cascade);
    }
}
