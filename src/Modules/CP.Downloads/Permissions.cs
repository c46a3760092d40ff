using StoreSite.Security;

namespace CP.Downloads;

/// <summary>The downloads permissions: administrators manage the releases of every product; customers download what they are entitled to.</summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageReleases = new(nameof(ManageReleases), "Upload, publish, unpublish and delete product releases");

    public static readonly Permission ViewOwnDownloads = new(nameof(ViewOwnDownloads), "See and download the releases one is entitled to");

    public IEnumerable<Permission> GetPermissions() => [ManageReleases, ViewOwnDownloads];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new PermissionStereotype(StandardRoles.Administrator, GetPermissions().ToList()),
        new PermissionStereotype(StandardRoles.Customer, [ViewOwnDownloads]),
    ];
}
