using StoreSite.Widgets;

namespace CP.Commerce.Widgets;

/// <summary>Revenue per day and the latest orders, first on the admin dashboard.</summary>
public sealed class SalesDashboardWidget : IWidget
{
    public string Zone => Zones.AdminDashboard;

    public int Position => 5;

    public Type ViewComponent => typeof(SalesDashboardViewComponent);
}
