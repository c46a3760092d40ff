using Microsoft.AspNetCore.Identity;
using StoreSite.Data;
using StoreSite.Security;
using StoreSite.Web.Data;

namespace StoreSite.Web.Accounts;

/// <summary>
/// Sets exactly which roles an account has. An administrator cannot take the Administrator role
/// from themselves (another administrator must). The user's sign-in picks up the new roles at the
/// next security stamp validation.
/// </summary>
public sealed class UserRoleAssigner(UserManager<StoreUser> users, RoleManager<IdentityRole> roles, SiteDatabase database)
{
    public async Task<UserChangeResult?> SetRolesAsync(string userId, IReadOnlyCollection<string> roleNames, string? actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roleNames);
        var user = !AccountRules.IsUserId(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        var wanted = new List<string>();
        foreach (var roleName in roleNames.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var role = await roles.FindByNameAsync(roleName);
            if (role?.Name is null)
            {
                return UserChangeResult.Refused($"Unknown role '{roleName}'.");
            }

            wanted.Add(role.Name);
        }

        var current = await users.GetRolesAsync(user);
        if (user.Id == actorId
            && current.Contains(StandardRoles.Administrator, StringComparer.OrdinalIgnoreCase)
            && !wanted.Contains(StandardRoles.Administrator, StringComparer.OrdinalIgnoreCase))
        {
            return UserChangeResult.Refused("You cannot remove your own Administrator role: you would lock yourself out of the admin. Ask another administrator to do it.");
        }

        var removed = current.Except(wanted, StringComparer.OrdinalIgnoreCase).ToList();
        var added = wanted.Except(current, StringComparer.OrdinalIgnoreCase).ToList();
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        if (removed.Count > 0)
        {
            (await users.RemoveFromRolesAsync(user, removed)).ThrowIfFailed();
        }

        if (added.Count > 0)
        {
            (await users.AddToRolesAsync(user, added)).ThrowIfFailed();
        }

        await transaction.CommitAsync(cancellationToken);
        return UserChangeResult.Done(wanted.Count == 0
            ? $"{user.Email} now has no role."
            : $"{user.Email} now has the role{(wanted.Count == 1 ? string.Empty : "s")} {string.Join(", ", wanted.Order(StringComparer.OrdinalIgnoreCase))}.");
    }
}
