using StoreSite.Paging;
using CP.Commerce.Models;

namespace CP.Commerce.ViewModels;

/// <summary>The admin Products list with search and paging.</summary>
public sealed record ProductListViewModel(IReadOnlyList<Product> Products, string? Query, PageInfo Paging);
