using CP.Payments.Stripe.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CP.Payments.Stripe.Data;

/// <summary>The <c>StripeEvents</c> table: every webhook event received, by Stripe's id (the primary key makes "processed once" the database's rule).</summary>
public sealed class StripeEventConfiguration : IEntityTypeConfiguration<StripeEvent>
{
    public void Configure(EntityTypeBuilder<StripeEvent> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("StripeEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(StripeCheckoutSessionConfiguration.IdMaxLength);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.OrderNumber).HasMaxLength(64);
        builder.Property(e => e.PaymentIntentId).HasMaxLength(StripeCheckoutSessionConfiguration.IdMaxLength);
        builder.HasIndex(e => new { e.PaymentIntentId, e.Outcome });
    }
}
