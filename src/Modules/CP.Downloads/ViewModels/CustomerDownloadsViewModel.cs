using CP.Downloads.Customer;
using CP.Downloads.Links;
using StoreSite.Paging;

namespace CP.Downloads.ViewModels;

/// <summary>Account -> Downloads: a page of the customer's entitled products with their releases (each shown by <c>_ProductDownloads</c>).</summary>
public sealed record CustomerDownloadsViewModel(IReadOnlyList<ProductDownloads> Products, PageInfo Paging, DownloadLinks Links, string CustomerId)
{
    public ProductDownloadsView View(ProductDownloads item) => new(item, Links, CustomerId);
}
