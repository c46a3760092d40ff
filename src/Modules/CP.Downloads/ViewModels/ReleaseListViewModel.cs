using CP.Commerce.Catalog;
using CP.Downloads.Models;
using StoreSite.Paging;

namespace CP.Downloads.ViewModels;

/// <summary>Admin -> Products -> a product -> Releases: the list with each release's download count, and the upload form.</summary>
public sealed record ReleaseListViewModel(ProductSummary Product, IReadOnlyList<Release> Releases, PageInfo Paging, ReleaseUploadViewModel Upload, long MaxUploadMegabytes)
{
    /// <summary>How often the page's releases were downloaded (by release id; absent: never).</summary>
    public IReadOnlyDictionary<int, int> DownloadCounts { get; init; } = new Dictionary<int, int>();

    public int DownloadsOf(Release release) => release is not null && DownloadCounts.TryGetValue(release.Id, out var count) ? count : 0;
}
