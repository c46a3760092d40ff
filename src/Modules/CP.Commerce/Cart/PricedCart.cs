namespace CP.Commerce.Cart;

/// <summary>The cart priced from the database, in the site currency.</summary>
/// <param name="DiscountCode">The code the customer entered (normalized), whether or not it is accepted.</param>
/// <param name="DiscountRefusal">Why <paramref name="DiscountCode"/> takes nothing off (a <see cref="Discounts.DiscountProblems"/> code); null when it is accepted or there is none.</param>
/// <param name="DiscountId">The accepted discount; null when none is.</param>
public sealed record PricedCart(IReadOnlyList<PricedCartLine> Lines, string Currency, string? DiscountCode = null, string? DiscountRefusal = null, int? DiscountId = null)
{
    /// <summary>Sum of the available lines before the discount.</summary>
    public decimal Subtotal => Lines.Where(l => l.IsAvailable).Sum(l => l.Subtotal);

    /// <summary>What the discount takes off in all.</summary>
    public decimal DiscountTotal => Lines.Where(l => l.IsAvailable).Sum(l => l.Discount);

    /// <summary>Sum of the available lines (added up in memory: exact decimals on every database).</summary>
    public decimal Total => Lines.Where(l => l.IsAvailable).Sum(l => l.LineTotal);

    public bool IsEmpty => Lines.Count == 0;

    public IEnumerable<PricedCartLine> Unavailable => Lines.Where(l => !l.IsAvailable);
}
