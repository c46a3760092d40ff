using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using StoreSite.Security;

namespace StoreSite.Web.Security;

/// <summary>Administrators hold every permission; other roles hold what the role's permissions say.</summary>
public sealed class PermissionHandler(RolePermissionCache roles) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        if (context.User.IsInRole(StandardRoles.Administrator))
        {
            context.Succeed(requirement);
            return;
        }

        var permissionsByRole = await roles.GetAsync(CancellationToken.None);
        foreach (var role in context.User.FindAll(ClaimTypes.Role))
        {
            if (permissionsByRole.TryGetValue(role.Value, out var permissions) && permissions.Contains(requirement.Permission))
            {
                context.Succeed(requirement);
                return;
            }
        }
    }
}
