namespace StoreSite.Web.Accounts;

/// <summary>The roles an account has now (after <see cref="UserRoleAssigner"/> set them), in the order they are shown.</summary>
public sealed record UserRoles(string Email, IReadOnlyList<string> Roles);
