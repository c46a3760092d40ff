using StoreSite.Charts;

namespace CP.Commerce.ViewModels;

/// <summary>The admin dashboard's Sales card: revenue per day (one chart per currency) and the latest orders; <c>TimeZone</c> names the zone the days are counted in.</summary>
public sealed record SalesDashboardViewModel(IReadOnlyList<DailyChart> Revenue, IReadOnlyList<RecentOrder> Recent, string TimeZone);
