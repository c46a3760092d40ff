using StoreSite.Security;

namespace StoreSite.Web;

/// <summary>The host's own permissions. Administrators have them all.</summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission AccessAdminPanel = new(nameof(AccessAdminPanel), "Open the admin dashboard");
    public static readonly Permission ManageUsers = new(nameof(ManageUsers), "Manage users and their roles");
    public static readonly Permission ManageModules = new(nameof(ManageModules), "Enable and disable modules");
    public static readonly Permission ManageSettings = new(nameof(ManageSettings), "Change site settings");
    public static readonly Permission RunRecipes = new(nameof(RunRecipes), "Run recipes on the running site");

    public IEnumerable<Permission> GetPermissions() => [AccessAdminPanel, ManageUsers, ManageModules, ManageSettings, RunRecipes];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
        [new PermissionStereotype(StandardRoles.Administrator, GetPermissions().ToList())];
}
