namespace StoreSite.Navigation;

/// <summary>A module's contribution to the admin menu (Orchard's <c>AdminNavigationProvider</c>).</summary>
public interface IAdminMenu
{
    IEnumerable<AdminMenuItem> GetItems();
}
