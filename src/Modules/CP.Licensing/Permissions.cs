using StoreSite.Security;

namespace CP.Licensing;

/// <summary>The licensing permissions. Customers see their own keys; administrators have them all.</summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageLicenses = new(nameof(ManageLicenses), "List, generate and revoke license keys, free their slots and change their limits");
    public static readonly Permission ViewOwnLicenses = new(nameof(ViewOwnLicenses), "See and copy one's own license keys");

    public IEnumerable<Permission> GetPermissions() => [ManageLicenses, ViewOwnLicenses];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new PermissionStereotype(StandardRoles.Administrator, GetPermissions().ToList()),
        new PermissionStereotype(StandardRoles.Customer, [ViewOwnLicenses]),
    ];
}
