using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Commerce.Data;

/// <summary>
/// Redemptions of discount codes: one per order (unique), counted per customer through the index
/// (DiscountId, CustomerId); the products and plans a code is limited to are <c>DiscountProducts</c> and <c>DiscountPlans</c>.
/// </summary>
public sealed class DiscountRedemptionConfiguration : IEntityTypeConfiguration<DiscountRedemption>
{
    public void Configure(EntityTypeBuilder<DiscountRedemption> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("DiscountRedemptions");
        builder.Property(r => r.CustomerId).HasMaxLength(450);
        builder.Property(r => r.CustomerEmail).HasMaxLength(256);
        builder.HasIndex(r => r.OrderId).IsUnique();
        builder.HasIndex(r => new { r.DiscountId, r.CustomerId });
        builder.HasOne<Discount>().WithMany().HasForeignKey(r => r.DiscountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
