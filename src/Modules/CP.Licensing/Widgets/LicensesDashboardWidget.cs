using StoreSite.Widgets;

namespace CP.Licensing.Widgets;

/// <summary>Licenses by status on the admin dashboard.</summary>
public sealed class LicensesDashboardWidget : IWidget
{
    public string Zone => Zones.AdminDashboard;

    public int Position => 20;

    public Type ViewComponent => typeof(LicensesDashboardViewComponent);
}
