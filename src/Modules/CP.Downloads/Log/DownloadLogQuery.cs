using CP.Downloads.Data;
using CP.Downloads.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;
using StoreSite.Paging;

namespace CP.Downloads.Log;

/// <summary>Reads the download log: counts per release, a release's downloads (paged), a key's recent ones; newest first, all in the database.</summary>
public sealed class DownloadLogQuery(DownloadsDbContext db)
{
    /// <summary>How many downloads the key page shows.</summary>
    public const int RecentShown = 10;

    /// <summary>How often each of <paramref name="releaseIds"/> was downloaded (releases never downloaded are absent).</summary>
    public async Task<IReadOnlyDictionary<int, int>> CountsAsync(IReadOnlyCollection<int> releaseIds, CancellationToken cancellationToken)
    {
        if (releaseIds.Count == 0)
        {
            return new Dictionary<int, int>();
        }

        return await db.Downloads.AsNoTracking()
            .Where(d => releaseIds.Contains(d.ReleaseId))
            .GroupBy(d => d.ReleaseId)
            .Select(g => new { ReleaseId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ReleaseId, g => g.Count, cancellationToken);
    }

    public Task<(List<Download> Items, PageInfo Paging)> PageForReleaseAsync(int releaseId, int? page, int pageSize, string baseUrl, CancellationToken cancellationToken) =>
        db.Downloads.AsNoTracking()
            .Where(d => d.ReleaseId == releaseId)
            .OrderByDescending(d => d.Id)
            .PageAsync(page, pageSize, baseUrl, cancellationToken);

    /// <summary>
    /// The <see cref="RecentShown"/> latest downloads made with a key by the customer who holds it (a
    /// transferred key's new owner does not see the previous owner's), with their release's version, and
    /// how many there are in all.
    /// </summary>
    public async Task<(IReadOnlyList<(Download Download, string Version)> Recent, int Total)> RecentForLicenseAsync(int licenseId, string customerId, CancellationToken cancellationToken)
    {
        var mine = db.Downloads.AsNoTracking().Where(d => d.LicenseId == licenseId && d.CustomerId == customerId);
        var total = await mine.CountAsync(cancellationToken);
        if (total == 0)
        {
            return ([], 0);
        }

        var recent = await mine
            .Join(db.Releases, d => d.ReleaseId, r => r.Id, (d, r) => new { Download = d, r.Version })
            .OrderByDescending(x => x.Download.Id).Take(RecentShown)
            .ToListAsync(cancellationToken);
        return ([.. recent.Select(r => (r.Download, r.Version))], total);
    }
}
