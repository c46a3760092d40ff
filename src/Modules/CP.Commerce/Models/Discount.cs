namespace CP.Commerce.Models;

/// <summary>
/// A discount code (Admin -> Discounts, recipe step <c>Discounts</c>). The code is stored normalized
/// (<see cref="Discounts.DiscountCode.Normalize"/>), so its unique index is case-insensitive.
/// <see cref="Redeemed"/> is the counter the database holds exact under concurrency
/// (<see cref="Data.DiscountSql.Redeem"/>).
/// </summary>
public sealed class Discount
{
    public int Id { get; set; }

    /// <summary>Upper case, as <see cref="Discounts.DiscountCode.Normalize"/> makes it.</summary>
    public required string Code { get; set; }

    public DiscountKind Kind { get; set; }

    /// <summary>1 to 100 for <see cref="DiscountKind.Percent"/>; 0 otherwise.</summary>
    public int Percent { get; set; }

    /// <summary>The amount off an order, in the store currency, for <see cref="DiscountKind.Amount"/>; 0 otherwise.</summary>
    public decimal Amount { get; set; }

    public DiscountAppliesTo AppliesTo { get; set; }

    /// <summary>First day the code is valid, in the store's time zone; null = from the start.</summary>
    public DateOnly? ValidFrom { get; set; }

    /// <summary>Last day the code is valid (inclusive), in the store's time zone; null = no end.</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>How many orders may use the code in all; 0 = unlimited.</summary>
    public int MaxRedemptions { get; set; }

    /// <summary>How many orders one customer may use the code in; 0 = unlimited.</summary>
    public int MaxPerCustomer { get; set; }

    /// <summary>Orders holding the code now (Pending or paid, not wholly refunded, failed or cancelled).</summary>
    public int Redeemed { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The products the code is for (with <see cref="Plans"/>); both empty = every product.</summary>
    public List<DiscountProduct> Products { get; set; } = [];

    /// <summary>The plans the code is for (with <see cref="Products"/>); both empty = every product.</summary>
    public List<DiscountPlan> Plans { get; set; } = [];
}
