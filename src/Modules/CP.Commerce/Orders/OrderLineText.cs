using System.Globalization;

namespace CP.Commerce.Orders;

/// <summary>How a line is named and what a renewal line says it renews, the same in the cart, checkout, order pages, payment and mail.</summary>
public static class OrderLineText
{
    /// <summary>E.g. <c>Gallery Pro – Business</c>, or <c>Renewal: Gallery Pro – Business</c>.</summary>
    public static string Title(string productName, string planName, bool renewal) =>
        renewal ? $"Renewal: {productName} – {planName}" : $"{productName} – {planName}";

    /// <summary>E.g. <c>Renews CP-ABCDEF-…-HTARZ4 until 2028-01-31</c>.</summary>
    public static string Renews(string? maskedKey, DateOnly? until) =>
        until is { } day
            ? $"Renews {maskedKey} until {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : $"Renews {maskedKey}";
}
