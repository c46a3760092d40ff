using CP.Commerce.Models;
using StoreSite.Paging;

namespace CP.Commerce.ViewModels;

/// <summary>The admin Discounts list, paged.</summary>
/// <param name="Scopes">What each listed code is for, in words, by its id.</param>
public sealed record DiscountListViewModel(IReadOnlyList<Discount> Discounts, string Currency, PageInfo Paging, IReadOnlyDictionary<int, string> Scopes);
