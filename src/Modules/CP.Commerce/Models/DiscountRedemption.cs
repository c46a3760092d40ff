namespace CP.Commerce.Models;

/// <summary>An order that used a discount code (one per order), recorded in the transaction that placed the order.</summary>
public sealed class DiscountRedemption
{
    public int Id { get; set; }

    public int DiscountId { get; set; }

    public int OrderId { get; set; }

    public required string CustomerId { get; set; }

    public required string CustomerEmail { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>When the redemption was given back (the order wholly refunded, its payment failed or it was cancelled); null while it counts.</summary>
    public DateTimeOffset? ReleasedAt { get; set; }
}
