using StoreSite.Widgets;

namespace CP.Commerce.Widgets;

/// <summary>Orders by status and the orders that need an admin, on the admin dashboard.</summary>
public sealed class OrdersDashboardWidget : IWidget
{
    public string Zone => Zones.AdminDashboard;

    public int Position => 10;

    public Type ViewComponent => typeof(OrdersDashboardViewComponent);
}
