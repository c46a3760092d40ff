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
    public async Task<Outcome<UserRoles>> SetRolesAsync(string userId, IReadOnlyCollection<string> roleNames, string? actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roleNames);
        var user = !AccountRules.IsUserId(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Outcome.Refused(UserProblems.NotFound);
        }

        var wanted = new List<string>();
        foreach (var roleName in roleNames.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var role = await roles.FindByNameAsync(roleName);
            if (role?.Name is null)
            {
                return Outcome.Refused(UserProblems.UnknownRole, detail: roleName);
            }

            wanted.Add(role.Name);
        }

        var current = await users.GetRolesAsync(user);
        if (user.Id == actorId
            && current.Contains(StandardRoles.Administrator, StringComparer.OrdinalIgnoreCase)
            && !wanted.Contains(StandardRoles.Administrator, StringComparer.OrdinalIgnoreCase))
        {
            return Outcome.Refused(UserProblems.CannotRemoveOwnAdministrator);
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
        return Outcome<UserRoles>.Done(new UserRoles(user.Email!, wanted.Order(StringComparer.OrdinalIgnoreCase).ToList()));
    }
}
