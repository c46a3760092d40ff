namespace StoreSite.Security;

/// <summary>The permissions a role gets by default when the site is set up.</summary>
public sealed record PermissionStereotype(string RoleName, IReadOnlyList<Permission> Permissions);
