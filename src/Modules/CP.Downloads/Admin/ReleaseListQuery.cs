using CP.Downloads.Data;
using CP.Downloads.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;
using StoreSite.Paging;

namespace CP.Downloads.Admin;

/// <summary>A product's releases for the admin, newest version first, paged in the database; one of them.</summary>
public sealed class ReleaseListQuery(DownloadsDbContext db)
{
    public Task<(List<Release> Items, PageInfo Paging)> PageAsync(int productId, int? page, int pageSize, string baseUrl, CancellationToken cancellationToken) =>
        db.Releases.AsNoTracking()
            .Where(r => r.ProductId == productId)
            .OrderByDescending(r => r.VersionMajor).ThenByDescending(r => r.VersionMinor).ThenByDescending(r => r.VersionPatch)
            .ThenBy(r => r.IsPreRelease).ThenByDescending(r => r.Id)
            .PageAsync(page, pageSize, baseUrl, cancellationToken);

    /// <summary>One release of the product; null when it has no such release.</summary>
    public Task<Release?> FindAsync(int productId, int releaseId, CancellationToken cancellationToken) =>
        db.Releases.AsNoTracking().FirstOrDefaultAsync(r => r.Id == releaseId && r.ProductId == productId, cancellationToken);
}
