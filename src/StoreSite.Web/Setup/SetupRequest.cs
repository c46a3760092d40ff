using StoreSite.Data;

namespace StoreSite.Web.Setup;

/// <summary>
/// What setup needs; validated by <see cref="SetupService.ValidateAsync"/>. <paramref name="PublicUrl"/>
/// is the site's public address to record for links in mail; null or empty records none.
/// </summary>
public sealed record SetupRequest(
    string SiteName,
    string Recipe,
    DatabaseConnectionInfo Database,
    string AdminEmail,
    string AdminPassword,
    string? PublicUrl = null);
