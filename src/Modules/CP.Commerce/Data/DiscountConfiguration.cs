using CP.Commerce.Discounts;
using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Commerce.Data;

/// <summary>
/// Discount codes: the normalized code is a unique index (so unique case-insensitively); the
/// database refuses a counter below zero or past its maximum, and a percent outside 0 to 100.
/// </summary>
public sealed class DiscountConfiguration : IEntityTypeConfiguration<Discount>
{
    public void Configure(EntityTypeBuilder<Discount> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Discounts", t =>
        {
            t.HasCheckConstraint("CK_Discounts_Redeemed", "\"Redeemed\" >= 0 AND (\"MaxRedemptions\" = 0 OR \"Redeemed\" <= \"MaxRedemptions\")");
            t.HasCheckConstraint("CK_Discounts_Percent", "\"Percent\" >= 0 AND \"Percent\" <= 100");
        });
        builder.Property(d => d.Code).HasMaxLength(DiscountCode.MaxLength);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.AppliesTo).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Amount).HasPrecision(18, 2);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasMany(d => d.Products).WithOne().HasForeignKey(p => p.DiscountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Plans).WithOne().HasForeignKey(p => p.DiscountId).OnDelete(DeleteBehavior.Cascade);
    }
}
