using System.Globalization;
using CP.Licensing.Models;

namespace CP.Licensing.Admin.Records;

/// <summary>
/// What the admin Licenses list and its CSV export show: a search, a status and an order, read
/// from the query string. Values that mean nothing fall back to the defaults (all, newest first).
/// </summary>
/// <param name="Query">The search as typed (trimmed), or null.</param>
/// <param name="NearLimit">Only keys near their limit (<see cref="NearLimitPercent"/> of Max Activations or more used; never revoked or unlimited ones).</param>
public sealed record LicenseFilter(string? Query, LicenseStatus? Status, LicenseSort Sort, bool NearLimit = false)
{
    /// <summary>A key with at least this share of its Max Activations used is near its limit.</summary>
    public const int NearLimitPercent = 80;

    /// <summary>The value of the <c>usage</c> parameter that asks for <see cref="NearLimit"/>.</summary>
    public const string NearLimitValue = "near-limit";

    /// <summary>Longer searches are cut (nothing searched is longer than an email).</summary>
    public const int MaxQueryLength = 256;

    public static readonly IReadOnlyList<(string Value, LicenseSort Sort, string Label)> Sorts =
    [
        ("issued-desc", LicenseSort.IssuedDescending, "Issued, newest first"),
        ("issued-asc", LicenseSort.IssuedAscending, "Issued, oldest first"),
        ("expiry-asc", LicenseSort.ExpiryAscending, "Expiry, soonest first"),
        ("expiry-desc", LicenseSort.ExpiryDescending, "Expiry, latest first"),
    ];

    public static LicenseFilter Parse(string? q, string? status, string? sort, string? usage = null)
    {
        var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (query is { Length: > MaxQueryLength })
        {
            query = query[..MaxQueryLength];
        }

        LicenseStatus? parsedStatus = Enum.TryParse<LicenseStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? s : null;
        var parsedSort = Sorts.FirstOrDefault(o => string.Equals(o.Value, sort, StringComparison.OrdinalIgnoreCase)).Sort;
        return new LicenseFilter(query, parsedStatus, parsedSort, string.Equals(usage?.Trim(), NearLimitValue, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The query string that gives this filter back (for links, the pager and the export).</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (Query is not null)
        {
            parts.Add("q=" + Uri.EscapeDataString(Query));
        }

        if (Status is { } status)
        {
            parts.Add("status=" + status.ToString().ToLowerInvariant());
        }

        if (NearLimit)
        {
            parts.Add("usage=" + NearLimitValue);
        }

        if (Sort != LicenseSort.IssuedDescending)
        {
            parts.Add("sort=" + SortValue);
        }

        return string.Join('&', parts);
    }

    public string SortValue => Sorts.First(o => o.Sort == Sort).Value;
}
