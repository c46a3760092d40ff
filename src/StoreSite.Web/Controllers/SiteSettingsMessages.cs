using System.Globalization;
using StoreSite.Settings;
using StoreSite.Web.ViewModels;

namespace StoreSite.Web.Controllers;

/// <summary>The words of Admin -> Settings for a currency change that needs the admin's confirmation.</summary>
public static class SiteSettingsMessages
{
    /// <summary>Next to the currency field while the change waits for the confirmation.</summary>
    public static string ConfirmCurrency(string from, string to) =>
        $"Changing the currency from {from} to {to} needs your confirmation below; nothing was saved.";

    /// <summary>What the change does to what the store already has.</summary>
    public static IReadOnlyList<string> Consequences(CurrencyChangeViewModel change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var lines = new List<string>();
        if (change.Usage.Orders > 0)
        {
            lines.Add($"{Count(change.Usage.Orders, "existing order keeps", "existing orders keep")} {change.From}: totals, refunds and mails of {(change.Usage.Orders == 1 ? "it" : "them")} stay in {change.From}.");
        }

        if (change.Usage.Prices > 0)
        {
            lines.Add($"{Count(change.Usage.Prices, "plan price is", "plan prices are")} not converted: each keeps its number, now in {change.To}. Check the prices after the change.");
        }

        var decimals = IsoCurrencies.MinorUnits(change.To);
        if (change.Usage.Prices > 0 && decimals < IsoCurrencies.MinorUnits(change.From))
        {
            lines.Add(decimals == 0
                ? $"{change.To} has no decimals: a price with cents (such as 19.99) is shown rounded (20 {change.To}); enter whole prices after the change."
                : string.Create(CultureInfo.InvariantCulture, $"{change.To} has {decimals} decimal(s): prices with more are shown rounded; enter them again after the change."));
        }

        lines.Add($"New carts, checkouts and orders are in {change.To}.");
        return lines;
    }

    private static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? one : many)}");
}
