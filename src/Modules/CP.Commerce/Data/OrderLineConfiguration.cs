using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Commerce.Data;

/// <summary>Order lines: snapshots of what was bought; one line number per order.</summary>
public sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("OrderLines", t => t.HasCheckConstraint("CK_OrderLines_Quantity", "\"Quantity\" > 0"));
        builder.Property(l => l.ProductName).HasMaxLength(ProductConfiguration.NameLength);
        builder.Property(l => l.PlanName).HasMaxLength(PricingPlanConfiguration.NameLength);
        builder.Property(l => l.UnitPrice).HasPrecision(18, 2);
        builder.Ignore(l => l.LineTotal);
        builder.Ignore(l => l.Subtotal);
        builder.Property(l => l.Discount).HasPrecision(18, 2);
        builder.Ignore(l => l.Note);
        builder.Property(l => l.RenewsKey).HasMaxLength(64);
        builder.Property(l => l.UpgradesFrom).HasMaxLength(PricingPlanConfiguration.NameLength);
        builder.Property(l => l.RefundedAmount).HasPrecision(18, 2);
        builder.HasIndex(l => new { l.OrderId, l.LineNumber }).IsUnique();
        builder.HasIndex(l => l.PlanId);
    }
}
