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

    /// <summary>Locks the account; the value is its email.</summary>
    public async Task<Outcome<string>> LockAsync(string userId, string? actorId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId);
        if (user is null)
        {
            return Outcome.Refused(UserProblems.NotFound);
        }

        if (user.Id == actorId)
        {
            return Outcome.Refused(UserProblems.CannotLockSelf);
        }

        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        (await users.SetLockoutEnabledAsync(user, true)).ThrowIfFailed();
        (await users.SetLockoutEndDateAsync(user, LockedByAdministrator)).ThrowIfFailed();
        (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
        await sessions.EndAllAsync(user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<string>.Done(user.Email!);
    }

    /// <summary>Unlocks the account; the value is its email.</summary>
    public async Task<Outcome<string>> UnlockAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId);
        if (user is null)
        {
            return Outcome.Refused(UserProblems.NotFound);
        }

        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        (await users.SetLockoutEndDateAsync(user, null)).ThrowIfFailed();
        (await users.ResetAccessFailedCountAsync(user)).ThrowIfFailed();
        await transaction.CommitAsync(cancellationToken);
        return Outcome<string>.Done(user.Email!);
    }

    private async Task<StoreUser?> FindAsync(string userId) =>
        !AccountRules.IsUserId(userId) ? null : await users.FindByIdAsync(userId);
}
