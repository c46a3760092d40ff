using CP.Commerce.Models;
using StoreSite.Paging;

namespace CP.Commerce.ViewModels;

/// <summary>The admin Discounts list, paged.</summary>
public sealed record DiscountListViewModel(IReadOnlyList<Discount> Discounts, string Currency, PageInfo Paging);
