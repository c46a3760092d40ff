using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using StoreSite.Security;
using StoreSite.Web.Accounts;

namespace StoreSite.Web.Security;

/// <summary>Creates roles and sets their permissions (stored as Identity role claims).</summary>
public sealed class RolePermissionService(RoleManager<IdentityRole> roleManager, PermissionCatalog catalog, RolePermissionCache cache)
{
    /// <summary>Creates Administrator and Customer with the permissions modules give them by default.</summary>
    public async Task EnsureStandardRolesAsync(CancellationToken cancellationToken)
    {
        var defaults = catalog.Providers
            .SelectMany(p => p.GetDefaultStereotypes())
            .GroupBy(s => s.RoleName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.SelectMany(s => s.Permissions).Select(p => p.Name).Distinct().ToList(), StringComparer.OrdinalIgnoreCase);
        foreach (var roleName in new[] { StandardRoles.Administrator, StandardRoles.Customer })
        {
            var role = await EnsureRoleAsync(roleName);
            var existing = (await roleManager.GetClaimsAsync(role)).Where(c => c.Type == RolePermissionCache.ClaimType).Select(c => c.Value).ToHashSet();
            foreach (var permission in defaults.GetValueOrDefault(roleName) ?? [])
            {
                if (!existing.Contains(permission))
                {
                    (await roleManager.AddClaimAsync(role, new Claim(RolePermissionCache.ClaimType, permission))).ThrowIfFailed();
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        cache.Clear();
    }

    /// <summary>Creates the role if needed and replaces its permissions.</summary>
    public async Task SetPermissionsAsync(string roleName, IEnumerable<string> permissions, CancellationToken cancellationToken)
    {
        var role = await EnsureRoleAsync(roleName);
        var wanted = permissions.ToHashSet(StringComparer.Ordinal);
        foreach (var claim in (await roleManager.GetClaimsAsync(role)).Where(c => c.Type == RolePermissionCache.ClaimType))
        {
            if (!wanted.Remove(claim.Value))
            {
                (await roleManager.RemoveClaimAsync(role, claim)).ThrowIfFailed();
            }
        }

        foreach (var permission in wanted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (await roleManager.AddClaimAsync(role, new Claim(RolePermissionCache.ClaimType, permission))).ThrowIfFailed();
        }

        cache.Clear();
    }

    private async Task<IdentityRole> EnsureRoleAsync(string roleName)
    {
        var role = await roleManager.FindByNameAsync(roleName);
        if (role is not null)
        {
            return role;
        }

        role = new IdentityRole(roleName);
        (await roleManager.CreateAsync(role)).ThrowIfFailed();
        return role;
    }
}
