using System.Collections.Frozen;
using System.Globalization;

namespace StoreSite.Settings;

/// <summary>
/// The ISO 4217 currencies .NET's globalization data knows: every specific culture's region names
/// its currency (code and English name) and the culture's <see cref="NumberFormatInfo.CurrencyDecimalDigits"/>
/// says its minor units (the most common answer where cultures sharing a currency differ). The
/// store's currency is chosen from <see cref="All"/>, and amounts are written with <see cref="MinorUnits"/>
/// decimals, so the list and the writing agree.
/// </summary>
public static class IsoCurrencies
{
    private static readonly FrozenDictionary<string, IsoCurrency> ByCode = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => (Region: RegionOf(culture), Digits: culture.NumberFormat.CurrencyDecimalDigits))
        .Where(c => c.Region is { ISOCurrencySymbol.Length: 3 })
        .GroupBy(c => c.Region!.ISOCurrencySymbol, StringComparer.OrdinalIgnoreCase)
        .Select(g => new IsoCurrency(
            g.Key.ToUpperInvariant(),
            g.Select(c => c.Region!.CurrencyEnglishName).GroupBy(n => n, StringComparer.Ordinal).OrderByDescending(n => n.Count()).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key,
            g.GroupBy(c => c.Digits).OrderByDescending(d => d.Count()).ThenBy(d => d.Key).First().Key))
        .ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every known currency, by code.</summary>
    public static IReadOnlyList<IsoCurrency> All { get; } = [.. ByCode.Values.OrderBy(c => c.Code, StringComparer.Ordinal)];

    /// <summary>The currency with code <paramref name="code"/> (any case), or null when .NET does not know it.</summary>
    public static IsoCurrency? Find(string? code) => code is not null && ByCode.TryGetValue(code.Trim(), out var currency) ? currency : null;

    /// <summary>How many decimals <paramref name="code"/> is written with; 2 for a code .NET does not know.</summary>
    public static int MinorUnits(string? code) => Find(code)?.MinorUnits ?? 2;

    private static RegionInfo? RegionOf(CultureInfo culture)
    {
        try
        {
            return new RegionInfo(culture.Name);
        }
        catch (ArgumentException)
        {
            return null; // a culture without a region .NET can name
        }
    }
}
