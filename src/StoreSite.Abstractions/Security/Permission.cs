namespace StoreSite.Security;

/// <summary>
/// A permission, like Orchard Core's. Its <see cref="Name"/> is also the authorization policy name,
/// so an action says <c>[Authorize(Policy = nameof(Permissions.ManageLicenses))]</c>.
/// </summary>
public sealed record Permission(string Name, string Description);
