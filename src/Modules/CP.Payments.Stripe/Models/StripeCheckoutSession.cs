namespace CP.Payments.Stripe.Models;

/// <summary>A Checkout Session the store created for an order (one per payment attempt).</summary>
public sealed class StripeCheckoutSession
{
    /// <summary>Stripe's id, <c>cs_…</c>.</summary>
    public required string Id { get; set; }

    public required string OrderNumber { get; set; }

    /// <summary>1 for the first session of the order; part of the idempotency key.</summary>
    public int Attempt { get; set; }

    /// <summary>Stripe's page where the customer pays.</summary>
    public required string Url { get; set; }

    /// <summary>The payment intent (<c>pi_…</c>) once paid: the order's payment reference, what refunds, charges and disputes name.</summary>
    public string? PaymentIntentId { get; set; }

    public StripeSessionState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
