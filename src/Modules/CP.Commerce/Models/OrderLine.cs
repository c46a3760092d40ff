using CP.Commerce.Events;

namespace CP.Commerce.Models;

/// <summary>One line of an order, with snapshots taken when the order was placed.</summary>
public sealed class OrderLine
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    /// <summary>1-based position in the order.</summary>
    public int LineNumber { get; set; }

    public int ProductId { get; set; }

    public int PlanId { get; set; }

    public required string ProductName { get; set; }

    public required string PlanName { get; set; }

    public decimal UnitPrice { get; set; }

    public int Quantity { get; set; }

    /// <summary>A new purchase, or the renewal or upgrade of <see cref="LicenseId"/>.</summary>
    public OrderLineKind Kind { get; set; }

    /// <summary>The license key a renewal line renews or an upgrade line upgrades; null for a purchase.</summary>
    public int? LicenseId { get; set; }

    /// <summary>The renewed or upgraded key, masked, when the order was placed.</summary>
    public string? RenewsKey { get; set; }

    /// <summary>The plan an upgrade line's key was on when the order was placed; null for other kinds.</summary>
    public string? UpgradesFrom { get; set; }

    /// <summary>The expiry the renewal gives when paid the day the order was placed (licensing computes the real one when paid).</summary>
    public DateOnly? RenewsUntil { get; set; }

    /// <summary>When the line was refunded on its own or with the rest of the order; null while it is paid.</summary>
    public DateTimeOffset? RefundedAt { get; set; }

    /// <summary>What the refund of the line gave back (its total); null while it is not refunded.</summary>
    public decimal? RefundedAmount { get; set; }

    /// <summary>What the order's discount code took off this line (in the order currency, exact to its minor unit); 0 without one.</summary>
    public decimal Discount { get; set; }

    /// <summary>Unit price times quantity, before the discount.</summary>
    public decimal Subtotal => UnitPrice * Quantity;

    /// <summary>What the customer pays for the line: <see cref="Subtotal"/> less <see cref="Discount"/> (what revenue and refunds count).</summary>
    public decimal LineTotal => Subtotal - Discount;

    /// <summary>What the line does to its key, in words; null for a purchase.</summary>
    public string? Note => CP.Commerce.Orders.OrderLineText.Note(Kind, RenewsKey, RenewsUntil, UpgradesFrom);
}
