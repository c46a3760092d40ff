using StoreSite.Paging;
using CP.Commerce.Events;
using CP.Commerce.Models;

namespace CP.Commerce.ViewModels;

/// <summary>
/// An order's admin page: the order with its lines, and one page of its timeline (oldest first). The
/// timeline pages because it has no bound: every failed refund, cancel or background retry while a
/// payment provider is down adds an entry.
/// </summary>
public sealed record OrderAdminViewModel(Order Order, IReadOnlyList<OrderTimelineEntry> Timeline, PageInfo TimelinePaging)
{
    /// <summary>The query parameter of the timeline's page.</summary>
    public const string TimelineParameter = "timeline";

    /// <summary>The order as modules see it, and the view components of their sections on this page (e.g. licensing's keys).</summary>
    public OrderPageViewModel? Sections { get; init; }
}
