namespace StoreSite.Settings;

/// <summary>What a module holds that is written in the store's currency: orders (which keep their own currency) and prices (which are not converted).</summary>
public sealed record CurrencyUsage(int Orders, int Prices)
{
    public static CurrencyUsage None { get; } = new(0, 0);

    public bool IsEmpty => Orders == 0 && Prices == 0;

    public CurrencyUsage Add(CurrencyUsage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Orders + other.Orders, Prices + other.Prices);
    }
}
