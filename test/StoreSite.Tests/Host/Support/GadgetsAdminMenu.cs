using StoreSite.Navigation;

namespace StoreSite.Tests.Host.Support;

/// <summary>The test module's admin menu item.</summary>
public sealed class GadgetsAdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() => [AdminMenuItem.ForRoute("Gadgets", GadgetsModule.AdminRouteName, null, 50)];
}
