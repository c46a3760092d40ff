using StoreSite.Charts;

namespace CP.Commerce.ViewModels;

/// <summary>
/// The admin dashboard's Sales card: revenue per day (one chart per currency), the same days' revenue
/// split into new sales, renewals and upgrades (one split per chart, in its order), and the latest orders;
/// <c>TimeZone</c> names the zone the days are counted in.
/// </summary>
public sealed record SalesDashboardViewModel(IReadOnlyList<DailyChart> Revenue, IReadOnlyList<RevenueSplit> Split, IReadOnlyList<RecentOrder> Recent, string TimeZone);

/// <summary>A currency's revenue over the dashboard's days by kind of line, formatted in that currency.</summary>
public sealed record RevenueSplit(string Currency, string NewSales, string Renewals, string Upgrades);
