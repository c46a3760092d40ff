namespace StoreSite.Users;

/// <summary>Looks up accounts for modules (which never touch the host's Identity tables).</summary>
public interface IUserDirectory
{
    Task<StoreUserInfo?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<StoreUserInfo?> FindByIdAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The accounts holding <paramref name="role"/> (e.g. <see cref="Security.StandardRoles.Administrator"/>, whom a module mails about the store).</summary>
    Task<IReadOnlyList<StoreUserInfo>> InRoleAsync(string role, CancellationToken cancellationToken);
}
