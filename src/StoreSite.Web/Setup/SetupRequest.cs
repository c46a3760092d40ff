using StoreSite.Data;

namespace StoreSite.Web.Setup;

/// <summary>What setup needs; validated by <see cref="SetupService.ValidateAsync"/>.</summary>
public sealed record SetupRequest(
    string SiteName,
    string Recipe,
    DatabaseConnectionInfo Database,
    string AdminEmail,
    string AdminPassword);
