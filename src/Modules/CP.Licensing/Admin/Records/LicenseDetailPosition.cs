using System.Globalization;

namespace CP.Licensing.Admin.Records;

/// <summary>
/// Which page of a key's environments and which page of its history its admin page shows: the query
/// parameters <c>environments</c> and <c>history</c> (1 when absent). The pagers and the forms of the
/// page carry both, so that moving through one list or acting on a row keeps the other where it was.
/// </summary>
public sealed record LicenseDetailPosition(int? Environments, int? History)
{
    public const string EnvironmentsParameter = "environments";
    public const string HistoryParameter = "history";

    public static LicenseDetailPosition First { get; } = new(null, null);

    /// <summary><paramref name="path"/> with this position's query string (a form's action keeps the position for the redirect that follows).</summary>
    public string WithQuery(string path)
    {
        var query = QueryString();
        return query.Length == 0 ? path : path + "?" + query;
    }

    /// <summary>The query string of this position without one of the lists (its pager adds that one's number).</summary>
    public string QueryString(string? except = null)
    {
        var parts = new List<string>(2);
        if (except != EnvironmentsParameter && Environments is > 1 and var environments)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{EnvironmentsParameter}={environments}"));
        }

        if (except != HistoryParameter && History is > 1 and var history)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{HistoryParameter}={history}"));
        }

        return string.Join('&', parts);
    }
}
