using Microsoft.AspNetCore.Identity;
using StoreSite.Data;
using StoreSite.Web.Data;

namespace StoreSite.Web.Accounts;

/// <summary>
/// Locks an account until an administrator unlocks it, and unlocks it. Locking ends the user's
/// sign-in sessions at once and changes the security stamp (which would end them at the next stamp
/// validation, within a minute). Nobody can lock their own account.
/// </summary>
public sealed class UserLocker(UserManager<StoreUser> users, UserSessions sessions, SiteDatabase database)
{
    /// <summary>The lockout end of an account locked by an administrator.</summary>
    public static readonly DateTimeOffset LockedByAdministrator = DateTimeOffset.MaxValue;

    /// <summary>True for the lockout end of an administrator's lock (databases may round the far end).</summary>
    public static bool IsAdministratorLock(DateTimeOffset? lockoutEnd) => lockoutEnd >= LockedByAdministrator.AddDays(-1);

    public async Task<UserChangeResult?> LockAsync(string userId, string? actorId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId);
        if (user is null)
        {
            return null;
        }

        if (user.Id == actorId)
        {
            return UserChangeResult.Refused("You cannot lock your own account: you would lock yourself out. Ask another administrator to do it.");
        }

        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        (await users.SetLockoutEnabledAsync(user, true)).ThrowIfFailed();
        (await users.SetLockoutEndDateAsync(user, LockedByAdministrator)).ThrowIfFailed();
        (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
        await sessions.EndAllAsync(user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UserChangeResult.Done($"{user.Email} is locked: they cannot sign in until the account is unlocked.");
    }

    public async Task<UserChangeResult?> UnlockAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId);
        if (user is null)
        {
            return null;
        }

        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        (await users.SetLockoutEndDateAsync(user, null)).ThrowIfFailed();
        (await users.ResetAccessFailedCountAsync(user)).ThrowIfFailed();
        await transaction.CommitAsync(cancellationToken);
        return UserChangeResult.Done($"{user.Email} is unlocked and can sign in again.");
    }

    private async Task<StoreUser?> FindAsync(string userId) =>
        !AccountRules.IsUserId(userId) ? null : await users.FindByIdAsync(userId);
}
