using CP.Payments.Stripe.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Payments.Stripe.Data;

/// <summary>The <c>StripeCheckoutSessions</c> table: one row per payment attempt of an order.</summary>
public sealed class StripeCheckoutSessionConfiguration : IEntityTypeConfiguration<StripeCheckoutSession>
{
    public const int IdMaxLength = 255;

    public void Configure(EntityTypeBuilder<StripeCheckoutSession> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("StripeCheckoutSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(IdMaxLength);
        builder.Property(s => s.OrderNumber).HasMaxLength(64);
        builder.Property(s => s.Url).HasMaxLength(2048);
        builder.Property(s => s.PaymentIntentId).HasMaxLength(IdMaxLength);
        builder.HasIndex(s => new { s.OrderNumber, s.Attempt }).IsUnique();
        builder.HasIndex(s => s.PaymentIntentId);
    }
}
