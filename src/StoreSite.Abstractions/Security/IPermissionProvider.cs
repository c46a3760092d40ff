namespace StoreSite.Security;

/// <summary>Declares a module's permissions and which roles get them by default.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();

    IEnumerable<PermissionStereotype> GetDefaultStereotypes();
}
