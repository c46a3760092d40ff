using Microsoft.AspNetCore.Identity;
using StoreSite.Data;
using StoreSite.Mail;
using StoreSite.Web.Data;

namespace StoreSite.Web.Accounts;

/// <summary>
/// Creates an account with its roles in one transaction (the admin Users page and the recipe
/// <c>Users</c> step). Accounts made here need no email confirmation.
/// </summary>
public sealed class UserCreator(UserManager<StoreUser> users, RoleManager<IdentityRole> roles, SiteDatabase database, TimeProvider clock)
{
    public const string UnknownRoleCode = "UnknownRole";

    /// <summary>Identity's result: password rules, duplicate or invalid email, or <see cref="UnknownRoleCode"/>.</summary>
    public async Task<IdentityResult> CreateAsync(string email, string password, IReadOnlyCollection<string> roleNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roleNames);
        if (!EmailAddressRule.IsValid(email))
        {
            return IdentityResult.Failed(users.ErrorDescriber.InvalidEmail(email));
        }

        foreach (var roleName in roleNames)
        {
            if (!await roles.RoleExistsAsync(roleName))
            {
                return IdentityResult.Failed(new IdentityError { Code = UnknownRoleCode, Description = $"Unknown role '{roleName}'." });
            }
        }

        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var user = new StoreUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        if (roleNames.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, roleNames.Distinct(StringComparer.OrdinalIgnoreCase));
            if (!added.Succeeded)
            {
                return added;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return IdentityResult.Success;
    }
}
