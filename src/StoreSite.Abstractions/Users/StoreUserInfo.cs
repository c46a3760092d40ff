namespace StoreSite.Users;

/// <summary>An account as modules see it.</summary>
public sealed record StoreUserInfo(string Id, string Email);
