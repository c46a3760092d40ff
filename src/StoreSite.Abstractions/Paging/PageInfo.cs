using System.Globalization;

namespace StoreSite.Paging;

/// <summary>
/// Where a list is: the page shown, how many pages, how many rows; the query string that keeps its
/// filters (and the position of other lists on the same page), and the query parameter that carries
/// the page number (<c>page</c>, or e.g. <c>history</c> on a page with two lists).
/// </summary>
public sealed record PageInfo(int Page, int PageCount, int Total, string BaseUrl)
{
    public const string DefaultParameter = "page";

    /// <summary>The query parameter of the page number.</summary>
    public string Parameter { get; init; } = DefaultParameter;

    /// <summary>A fragment added to the pager's links (e.g. <c>#history</c>), so a click keeps the reader at the list; empty for none.</summary>
    public string Anchor { get; init; } = string.Empty;

    /// <summary>The pager's accessible name (two lists on one page need two names).</summary>
    public string Label { get; init; } = "Pages";

    /// <summary>
    /// A page number in range: a missing, zero or negative one gives the first page, one beyond the
    /// last gives the last page (a list that shrank keeps the reader at its end).
    /// </summary>
    public static int Clamp(int? page, int pageCount) => page is null || page < 1 ? 1 : Math.Min(page.Value, Math.Max(1, pageCount));

    public static int CountPages(int total, int pageSize) => Math.Max(1, (int)(((long)total + pageSize - 1) / pageSize));

    public string UrlOf(int page) =>
        BaseUrl + (BaseUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Parameter + "=" + page.ToString(CultureInfo.InvariantCulture) + Anchor;

    /// <summary>The total as the pager writes it, e.g. <c>2,000</c> (the same in every culture).</summary>
    public string TotalText => Total.ToString("N0", CultureInfo.InvariantCulture);
}
