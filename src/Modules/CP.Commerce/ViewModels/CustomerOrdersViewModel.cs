using StoreSite.Paging;
using CP.Commerce.Models;

namespace CP.Commerce.ViewModels;

/// <summary>The customer's own orders at <c>/account/orders</c>.</summary>
public sealed record CustomerOrdersViewModel(IReadOnlyList<Order> Orders, PageInfo Paging);
