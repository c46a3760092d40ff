using StoreSite.Navigation;
using StoreSite.Web.Controllers;

namespace StoreSite.Web.Navigation;

/// <summary>The host's admin menu items.</summary>
public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForAction<AdminController>("Dashboard", nameof(AdminController.Index), Permissions.AccessAdminPanel.Name, 0),
        AdminMenuItem.ForAction<UsersAdminController>("Users", nameof(UsersAdminController.Index), Permissions.ManageUsers.Name, 80),
        AdminMenuItem.ForAction<ModulesAdminController>("Modules", nameof(ModulesAdminController.Index), Permissions.ManageModules.Name, 90),
        AdminMenuItem.ForAction<RecipesAdminController>("Recipes", nameof(RecipesAdminController.Index), Permissions.RunRecipes.Name, 95),
        AdminMenuItem.ForAction<SettingsAdminController>("Settings", nameof(SettingsAdminController.Index), Permissions.ManageSettings.Name, 100),
    ];
}
