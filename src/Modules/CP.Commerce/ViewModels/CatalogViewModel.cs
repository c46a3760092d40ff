using StoreSite.Paging;

namespace CP.Commerce.ViewModels;

/// <summary>The storefront catalog at <c>/products</c>.</summary>
public sealed record CatalogViewModel(IReadOnlyList<CatalogItemViewModel> Items, PageInfo Paging);
