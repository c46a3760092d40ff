namespace StoreSite.Web.Accounts;

/// <summary>An account as the admin Users page shows it.</summary>
/// <param name="LockedUntil">When the lock ends; null when the account is not locked now.</param>
public sealed record UserRow(string Id, string Email, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil)
{
    public bool IsLocked => LockedUntil is not null;

    /// <summary>Locked by an administrator (until unlocked), not for a while after failed sign-ins.</summary>
    public bool IsLockedByAdministrator => UserLocker.IsAdministratorLock(LockedUntil);
}
