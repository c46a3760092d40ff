using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Commerce.Data;

/// <summary>The products a discount code is limited to: one row per (discount, product).</summary>
public sealed class DiscountProductConfiguration : IEntityTypeConfiguration<DiscountProduct>
{
    public void Configure(EntityTypeBuilder<DiscountProduct> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("DiscountProducts");
        builder.HasKey(p => new { p.DiscountId, p.ProductId });
        builder.HasIndex(p => p.ProductId);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
