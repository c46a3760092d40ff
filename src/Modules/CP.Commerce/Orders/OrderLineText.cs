using System.Globalization;
using CP.Commerce.Events;

namespace CP.Commerce.Orders;

/// <summary>
/// How a line is named and what a renewal or upgrade line says it does to its key, the same in the
/// cart, checkout, order pages, payment and mail.
/// </summary>
public static class OrderLineText
{
    /// <summary>E.g. <c>Gallery Pro – Business</c>, <c>Renewal: Gallery Pro – Business</c> or <c>Upgrade: Gallery Pro – Agency</c>.</summary>
    public static string Title(string productName, string planName, OrderLineKind kind) =>
        Badge(kind) is { } badge ? $"{badge}: {productName} – {planName}" : $"{productName} – {planName}";

    /// <summary>The badge before a renewal or upgrade line's product; null for a purchase.</summary>
    public static string? Badge(OrderLineKind kind) => kind switch
    {
        OrderLineKind.Renewal => "Renewal",
        OrderLineKind.Upgrade => "Upgrade",
        _ => null,
    };

    /// <summary>E.g. <c>Renews CP-ABCDEF-…-HTARZ4 until 2028-01-31</c>.</summary>
    public static string Renews(string? maskedKey, DateOnly? until) =>
        until is { } day
            ? $"Renews {maskedKey} until {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : $"Renews {maskedKey}";

    /// <summary>E.g. <c>Upgrades CP-ABCDEF-…-HTARZ4 from Personal</c> (the same key, its sites and expiry kept).</summary>
    public static string Upgrades(string? maskedKey, string? fromPlan) =>
        string.IsNullOrEmpty(fromPlan) ? $"Upgrades {maskedKey}" : $"Upgrades {maskedKey} from {fromPlan}";

    /// <summary>What an order line does to its key, in words; null for a purchase.</summary>
    public static string? Note(OrderLineKind kind, string? maskedKey, DateOnly? renewsUntil, string? upgradesFrom) => kind switch
    {
        OrderLineKind.Renewal => Renews(maskedKey, renewsUntil),
        OrderLineKind.Upgrade => Upgrades(maskedKey, upgradesFrom),
        _ => null,
    };

    /// <summary>E.g. <c>2.00 USD off with SPRING25</c>: a line's discount, the same on the cart, order pages and mail.</summary>
    public static string DiscountNote(decimal discount, string currency, string? code) =>
        $"{CP.Commerce.Services.Money.Format(discount, currency)} off with {code}";

    /// <summary>How the payment provider lists a discounted line (one item of its total): <c>Gallery Pro – Business × 3, with SPRING25</c>.</summary>
    public static string DiscountedItem(string title, int quantity, string? code) =>
        quantity == 1 ? $"{title}, with {code}" : string.Create(CultureInfo.InvariantCulture, $"{title} × {quantity}, with {code}");
}
