using CP.Downloads.Data;
using CP.Downloads.Entitlement;
using CP.Downloads.Links;
using CP.Licensing.Grants;
using CP.Licensing.Updates;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StoreSite.Settings;
using StoreSite.Versions;

namespace CP.Downloads.Updates;

/// <summary>
/// The update check's answer (<see cref="IProductUpdates"/>): among the product's published releases above
/// the installed version (SemVer precedence), the newest that the license's window covers
/// (<see cref="DownloadEntitlements.WindowOf"/>, the one rule), with a download link issued for that key
/// (<see cref="DownloadLinks"/>, 24 h, entitlement checked again at use) on the site's public address.
/// </summary>
public sealed class ProductUpdates(
    DownloadsDbContext db,
    DownloadEntitlements entitlements,
    DownloadLinks links,
    LinkGenerator routes,
    IPublicSiteAddress publicAddress) : IProductUpdates
{
    public async Task<ProductUpdate?> NewestAsync(LicenseGrant license, SemanticVersion installed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(installed);
        if (entitlements.WindowOf(license) is not { } window)
        {
            return null;
        }

        // The database narrows by the numbers (index (ProductId, VersionMajor, ...)); pre-release precedence
        // and the window's dates are compared here (SQLite keeps DateTimeOffset as text).
        var (major, minor, patch) = (installed.Major, installed.Minor, installed.Patch);
        var candidates = await db.Releases.AsNoTracking()
            .Where(r => r.ProductId == license.ProductId && r.IsPublished
                && (r.VersionMajor > major
                    || (r.VersionMajor == major && (r.VersionMinor > minor || (r.VersionMinor == minor && r.VersionPatch >= patch)))))
            .Select(r => new { r.Id, r.Version, r.PublishedAt })
            .ToListAsync(cancellationToken);
        var newest = candidates
            .Where(c => window.Covers(isPublished: true, c.PublishedAt))
            .Select(c => (c.Id, Version: SemanticVersion.TryParse(c.Version, out var version) ? version : null))
            .Where(c => c.Version > installed)
            .OrderByDescending(c => c.Version)
            .FirstOrDefault();
        if (newest.Version is null)
        {
            return null;
        }

        var release = await db.Releases.AsNoTracking().SingleAsync(r => r.Id == newest.Id, cancellationToken);
        var path = routes.GetPathByName(DownloadEndpoint.RouteName, new { token = links.TokenForLicense(release.Id, license.LicenseId) })
            ?? throw new InvalidOperationException($"The route {DownloadEndpoint.RouteName} is not mapped.");
        var url = (await publicAddress.GetAsync(cancellationToken)).Link(path);
        return new ProductUpdate(release.Version, release.PublishedAt!.Value, release.Notes, url, release.Size, release.Sha256);
    }
}
