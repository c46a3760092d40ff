using CP.Commerce.Catalog;
using CP.Downloads.Models;
using StoreSite.Paging;

namespace CP.Downloads.ViewModels;

/// <summary>Admin -> Products -> a product -> Releases: the list and the upload form.</summary>
public sealed record ReleaseListViewModel(ProductSummary Product, IReadOnlyList<Release> Releases, PageInfo Paging, ReleaseUploadViewModel Upload, long MaxUploadMegabytes);
