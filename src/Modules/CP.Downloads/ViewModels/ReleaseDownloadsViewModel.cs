using CP.Commerce.Catalog;
using CP.Downloads.Models;
using StoreSite.Paging;

namespace CP.Downloads.ViewModels;

/// <summary>A release's downloads for the admin: a page of the log, newest first, and the customers' emails by id (an account deleted since has none).</summary>
public sealed record ReleaseDownloadsViewModel(ProductSummary Product, Release Release, IReadOnlyList<Download> Downloads, PageInfo Paging, IReadOnlyDictionary<string, string> Emails)
{
    public string Who(Download download) =>
        download is not null && Emails.TryGetValue(download.CustomerId, out var email) ? email : "A deleted account";
}
