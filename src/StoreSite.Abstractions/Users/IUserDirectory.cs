namespace StoreSite.Users;

/// <summary>Looks up accounts for modules (which never touch the host's Identity tables).</summary>
public interface IUserDirectory
{
    Task<StoreUserInfo?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<StoreUserInfo?> FindByIdAsync(string userId, CancellationToken cancellationToken);
}
