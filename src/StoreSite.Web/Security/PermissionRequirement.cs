using Microsoft.AspNetCore.Authorization;

namespace StoreSite.Web.Security;

/// <summary>The user must hold the permission through one of their roles.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;
