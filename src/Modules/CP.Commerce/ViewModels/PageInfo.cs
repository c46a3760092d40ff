namespace CP.Commerce.ViewModels;

/// <summary>Where a list is: the page shown, how many pages, how many rows; and the query string that keeps its filters.</summary>
public sealed record PageInfo(int Page, int PageCount, int Total, string BaseUrl)
{
    /// <summary>A page number in range (absurd or missing values give the first page).</summary>
    public static int Clamp(int? page, int pageCount) => page is null || page < 1 || page > Math.Max(1, pageCount) ? 1 : page.Value;

    public static int CountPages(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    public string UrlOf(int page) => BaseUrl + (BaseUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
