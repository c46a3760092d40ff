using CP.Licensing.Controllers;
using StoreSite.Navigation;

namespace CP.Licensing;

/// <summary>Licenses in the admin menu (after Orders and Products).</summary>
public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForAction<LicensesAdminController>("Licenses", nameof(LicensesAdminController.Index), Permissions.ManageLicenses.Name, 40),
    ];
}
