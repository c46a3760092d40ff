using StoreSite.Paging;
using CP.Commerce.Models;

namespace CP.Commerce.ViewModels;

/// <summary>The admin Orders list with its search, status filter and paging.</summary>
public sealed record OrderListViewModel(IReadOnlyList<Order> Orders, string? Query, OrderStatus? Status, PageInfo Paging);
