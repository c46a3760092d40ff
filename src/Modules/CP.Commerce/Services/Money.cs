using System.Globalization;

namespace CP.Commerce.Services;

/// <summary>How amounts are written on pages and in emails: two decimals and the currency code, e.g. <c>59.97 USD</c>.</summary>
public static class Money
{
    /// <summary>The highest price a plan may have.</summary>
    public const decimal MaxPrice = 1_000_000m;

    public static string Format(decimal amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {currency}");

    /// <summary>True for a price of zero or more, at most <see cref="MaxPrice"/>, with at most two decimals.</summary>
    public static bool IsValidPrice(decimal price) => price >= 0 && price <= MaxPrice && decimal.Round(price, 2) == price;

    public const string PriceProblem = "The price must be between 0 and 1,000,000 with at most two decimals.";
}
