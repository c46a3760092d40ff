using CP.Downloads.Customer;
using StoreSite.Paging;

namespace CP.Downloads.ViewModels;

/// <summary>Account -> Downloads: a page of the customer's entitled products with their releases.</summary>
public sealed record CustomerDownloadsViewModel(IReadOnlyList<ProductDownloads> Products, PageInfo Paging);
