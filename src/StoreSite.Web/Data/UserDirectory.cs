using Microsoft.AspNetCore.Identity;
using StoreSite.Users;

namespace StoreSite.Web.Data;

/// <summary>Account lookups for modules, through Identity.</summary>
public sealed class UserDirectory(UserManager<StoreUser> users) : IUserDirectory
{
    public async Task<StoreUserInfo?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > AccountRules.MaxEmailLength)
        {
            return null;
        }

        var user = await users.FindByEmailAsync(email.Trim());
        return user is null ? null : new StoreUserInfo(user.Id, user.Email ?? string.Empty);
    }

    public async Task<StoreUserInfo?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        if (!AccountRules.IsUserId(userId))
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId);
        return user is null ? null : new StoreUserInfo(user.Id, user.Email ?? string.Empty);
    }

    public async Task<IReadOnlyList<StoreUserInfo>> InRoleAsync(string role, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        var members = await users.GetUsersInRoleAsync(role);
        return members.Where(u => !string.IsNullOrEmpty(u.Email)).OrderBy(u => u.Email, StringComparer.Ordinal).Select(u => new StoreUserInfo(u.Id, u.Email!)).ToList();
    }
}
