namespace CP.Commerce.Models;

/// <summary>A customer's order: lines with snapshots, totals, status and timeline.</summary>
public sealed class Order
{
    public int Id { get; set; }

    /// <summary>Human-friendly and unique, e.g. <c>SO-2026-000042</c>.</summary>
    public required string Number { get; set; }

    public required string CustomerId { get; set; }

    /// <summary>The customer's email when the order was placed.</summary>
    public required string CustomerEmail { get; set; }

    public OrderStatus Status { get; set; }

    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; set; }

    public decimal Total { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset? RefundedAt { get; set; }

    /// <summary>The idempotency key of the checkout form that placed the order (unique): a form submitted twice makes one order.</summary>
    public string? CheckoutKey { get; set; }

    /// <summary>The payment provider that charged the order (its <c>Name</c>).</summary>
    public string? PaymentProvider { get; set; }

    /// <summary>The provider's reference of the confirmed charge; set as soon as the provider confirms, before the order is Paid.</summary>
    public string? PaymentReference { get; set; }

    /// <summary>Why the order was refunded (set when the provider has refunded it).</summary>
    public string? RefundReason { get; set; }

    /// <summary>What the payment provider reported that the admin has to decide on (a partial refund, a dispute); null when nothing.</summary>
    public string? ProviderNote { get; set; }

    /// <summary>The discount code the order used (normalized), or null; each line's share is <see cref="OrderLine.Discount"/>.</summary>
    public string? DiscountCode { get; set; }

    /// <summary>The discount the order redeemed (<see cref="DiscountRedemption"/>); null without a code.</summary>
    public int? DiscountId { get; set; }

    public List<OrderLine> Lines { get; set; } = [];

    public List<OrderTimelineEntry> Timeline { get; set; } = [];
}
