using Microsoft.AspNetCore.Mvc.Rendering;
using StoreSite.Settings;
using StoreSite.Web.Recipes;

namespace StoreSite.Web.ViewModels;

/// <summary>The options of Admin -> Settings' time zone and currency lists.</summary>
public static class SiteSettingsChoices
{
    /// <summary>The system's IANA time zones, west to east (UTC first among its offset), each with its standard offset.</summary>
    private static readonly IReadOnlyList<(string Id, string Text)> Zones = [.. TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId)
        .OrderBy(z => z.BaseUtcOffset)
        .ThenBy(z => z.Id == "UTC" ? 0 : 1)
        .ThenBy(z => z.Id, StringComparer.Ordinal)
        .Select(z => (z.Id, $"{z.Id} ({SiteDates.OffsetLabel(z.BaseUtcOffset, z)})"))];

    /// <summary>The time zones, <paramref name="selected"/> chosen (added when it is a known zone the system lists under another name, e.g. <c>Etc/UTC</c>).</summary>
    public static IReadOnlyList<SelectListItem> TimeZones(string? selected)
    {
        var items = Zones.Select(z => new SelectListItem(z.Text, z.Id, string.Equals(z.Id, selected, StringComparison.Ordinal))).ToList();
        if (!items.Exists(i => i.Selected) && SiteSettingsRules.TimeZone(selected) is not null)
        {
            items.Insert(0, new SelectListItem(selected, selected, true));
        }

        return items;
    }

    /// <summary>The ISO 4217 currencies by code (<c>EUR – Euro</c>), <paramref name="selected"/> chosen.</summary>
    public static IReadOnlyList<SelectListItem> Currencies(string? selected) =>
        [.. IsoCurrencies.All.Select(c => new SelectListItem($"{c.Code} – {c.Name}", c.Code, string.Equals(c.Code, selected, StringComparison.OrdinalIgnoreCase)))];
}
