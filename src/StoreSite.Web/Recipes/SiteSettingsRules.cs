using System.Text.RegularExpressions;

namespace StoreSite.Web.Recipes;

/// <summary>The rules for site settings, shared by the Settings step, the setup page and the admin Settings page.</summary>
public static partial class SiteSettingsRules
{
    public const int MinPageSize = 5;
    public const int MaxPageSize = 200;
    public const int MaxSiteNameLength = 100;
    public const string SiteNameProblem = "The site name is required and must be at most 100 characters, without control characters.";
    public const string CurrencyProblem = "The currency must be a three-letter ISO 4217 code such as USD or EUR.";

    /// <summary>The trimmed site name, or null when it is not acceptable.</summary>
    public static string? SiteName(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxSiteNameLength || trimmed.Any(char.IsControl) ? null : trimmed;
    }

    /// <summary>The time zone id when the system knows it, else null.</summary>
    public static string? TimeZone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 100)
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(value.Trim(), out var zone) ? zone.Id : null;
    }

    /// <summary>The upper-cased currency code, or null.</summary>
    public static string? Currency(string? value) =>
        value is not null && CurrencyPattern().IsMatch(value.Trim()) ? value.Trim().ToUpperInvariant() : null;

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex CurrencyPattern();
}
