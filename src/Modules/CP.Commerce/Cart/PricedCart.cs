namespace CP.Commerce.Cart;

/// <summary>The cart priced from the database, in the site currency.</summary>
public sealed record PricedCart(IReadOnlyList<PricedCartLine> Lines, string Currency)
{
    /// <summary>Sum of the available lines (added up in memory: exact decimals on every database).</summary>
    public decimal Total => Lines.Where(l => l.IsAvailable).Sum(l => l.LineTotal);

    public bool IsEmpty => Lines.Count == 0;

    public IEnumerable<PricedCartLine> Unavailable => Lines.Where(l => !l.IsAvailable);
}
