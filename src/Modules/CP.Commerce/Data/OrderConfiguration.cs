using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Commerce.Data;

/// <summary>
/// Orders: the number and the checkout idempotency key are unique indexes, so a checkout form
/// submitted twice can only ever make one order.
/// </summary>
public sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public const int NumberLength = 40;
    public const int ReasonLength = 500;

    public void Configure(EntityTypeBuilder<Order> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Orders");
        builder.Property(o => o.Number).HasMaxLength(NumberLength);
        builder.Property(o => o.CustomerId).HasMaxLength(450);
        builder.Property(o => o.CustomerEmail).HasMaxLength(256);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.Total).HasPrecision(18, 2);
        builder.Property(o => o.CheckoutKey).HasMaxLength(64);
        builder.Property(o => o.PaymentProvider).HasMaxLength(50);
        builder.Property(o => o.PaymentReference).HasMaxLength(200);
        builder.Property(o => o.RefundReason).HasMaxLength(ReasonLength);
        builder.Property(o => o.ProviderNote).HasMaxLength(ReasonLength);
        builder.Property(o => o.DiscountCode).HasMaxLength(CP.Commerce.Discounts.DiscountCode.MaxLength);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasIndex(o => o.CheckoutKey).IsUnique();
        builder.HasIndex(o => o.CustomerId);
        builder.HasIndex(o => o.CustomerEmail);
        builder.HasIndex(o => o.Status);

        // The dashboard's revenue per day: one index range per day of the Paid orders (OrderSql.RevenuePerDay).
        builder.HasIndex(o => new { o.Status, o.PaidAt });
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Timeline).WithOne().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
