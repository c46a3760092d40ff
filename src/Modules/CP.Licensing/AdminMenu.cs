using StoreSite.Navigation;

namespace CP.Licensing;

/// <summary>Licenses in the admin menu (after Orders and Products).</summary>
public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Licenses", "/admin/licenses", Permissions.ManageLicenses.Name, 40),
    ];
}
