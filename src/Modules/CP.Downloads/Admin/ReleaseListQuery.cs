using CP.Downloads.Data;
using CP.Downloads.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;
using StoreSite.Paging;

namespace CP.Downloads.Admin;

/// <summary>A product's releases for the admin, newest version first, paged in the database.</summary>
public sealed class ReleaseListQuery(DownloadsDbContext db)
{
    public Task<(List<Release> Items, PageInfo Paging)> PageAsync(int productId, int? page, int pageSize, string baseUrl, CancellationToken cancellationToken) =>
        db.Releases.AsNoTracking()
            .Where(r => r.ProductId == productId)
            .OrderByDescending(r => r.VersionMajor).ThenByDescending(r => r.VersionMinor).ThenByDescending(r => r.VersionPatch)
            .ThenBy(r => r.IsPreRelease).ThenByDescending(r => r.Id)
            .PageAsync(page, pageSize, baseUrl, cancellationToken);
}
