using StoreSite.Security;

namespace CP.Downloads;

/// <summary>The downloads permissions: administrators manage the releases of every product.</summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageReleases = new(nameof(ManageReleases), "Upload, publish, unpublish and delete product releases");

    public IEnumerable<Permission> GetPermissions() => [ManageReleases];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new PermissionStereotype(StandardRoles.Administrator, GetPermissions().ToList()),
    ];
}
