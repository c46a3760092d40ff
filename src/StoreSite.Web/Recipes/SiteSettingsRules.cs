using System.Globalization;
using StoreSite.Settings;

namespace StoreSite.Web.Recipes;

/// <summary>The rules for site settings, shared by the Settings step, the setup page and the admin Settings page.</summary>
public static class SiteSettingsRules
{
    public const int MinPageSize = 5;
    public const int MaxPageSize = 200;
    public const int MaxSiteNameLength = 100;
    public const string SiteNameProblem = "The site name is required and must be at most 100 characters, without control characters.";
    public const string CurrencyProblem = "The currency must be a three-letter ISO 4217 code such as USD or EUR.";
    public const int MaxPublicUrlLength = 250;
    public const string PublicUrlProblem = "The public address must be an absolute http:// or https:// address such as https://store.example.com/, at most 250 characters, without a user name, password, query or fragment.";

    /// <summary>The trimmed site name, or null when it is not acceptable.</summary>
    public static string? SiteName(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxSiteNameLength || trimmed.Any(char.IsControl) ? null : trimmed;
    }

    /// <summary>What a form or a recipe is told about a time zone the system does not know.</summary>
    public static string TimeZoneProblem(string? value) => $"'{value}' is not a known time zone.";

    /// <summary>
    /// The IANA id of the time zone when the system knows it (a Windows id such as <c>Romance Standard Time</c>
    /// is stored as its IANA id, <c>Europe/Paris</c>), else null.
    /// </summary>
    public static string? TimeZone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 100 || !TimeZoneInfo.TryFindSystemTimeZoneById(value.Trim(), out var zone))
        {
            return null;
        }

        return zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
    }

    /// <summary>The code of the ISO 4217 currency (upper case) when .NET knows it (<see cref="IsoCurrencies"/>), or null.</summary>
    public static string? Currency(string? value) => IsoCurrencies.Find(value)?.Code;

    /// <summary>
    /// The site's public address (links in mail start with it) in one form: scheme and host in lower
    /// case, an international host name in its ASCII (punycode) form, no default port, a path ending
    /// in '/'. Null when it is not acceptable: not absolute http or https, with a user name or password,
    /// a query or a fragment, white space or control characters, or longer than <see cref="MaxPublicUrlLength"/>.
    /// The same rule holds for <c>StoreSite:PublicUrl</c>, the setup page, Admin -> Settings and recipes.
    /// </summary>
    public static string? PublicUrl(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)
            || trimmed.Length > MaxPublicUrlLength
            || !(trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            || trimmed.IndexOfAny(['?', '#', '\\', '@']) >= 0
            || trimmed.Any(IsInvisible)
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length > 0
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        string host;
        try
        {
            host = uri.HostNameType == UriHostNameType.Dns ? uri.IdnHost : uri.Host;
        }
        catch (UriFormatException)
        {
            return null;
        }

        var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        var normalized = $"{uri.Scheme}://{host.ToLowerInvariant()}{port}{path}";
        return normalized.Length <= MaxPublicUrlLength && Uri.TryCreate(normalized, UriKind.Absolute, out _) ? normalized : null;
    }

    private static bool IsInvisible(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
}
