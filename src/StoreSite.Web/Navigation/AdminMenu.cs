using StoreSite.Navigation;

namespace StoreSite.Web.Navigation;

/// <summary>The host's admin menu items.</summary>
public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Dashboard", "/admin", Permissions.AccessAdminPanel.Name, 0),
        new("Users", "/admin/users", Permissions.ManageUsers.Name, 80),
        new("Modules", "/admin/modules", Permissions.ManageModules.Name, 90),
        new("Recipes", "/admin/recipes", Permissions.RunRecipes.Name, 95),
        new("Settings", "/admin/settings", Permissions.ManageSettings.Name, 100),
    ];
}
