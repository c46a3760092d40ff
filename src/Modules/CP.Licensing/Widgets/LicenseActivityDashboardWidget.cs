using StoreSite.Widgets;

namespace CP.Licensing.Widgets;

/// <summary>New licenses and activations per day, and the keys near their limit, on the admin dashboard.</summary>
public sealed class LicenseActivityDashboardWidget : IWidget
{
    public string Zone => Zones.AdminDashboard;

    public int Position => 15;

    public Type ViewComponent => typeof(LicenseActivityDashboardViewComponent);
}
