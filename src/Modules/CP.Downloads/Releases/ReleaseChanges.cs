using CP.Downloads.Data;
using Microsoft.EntityFrameworkCore;
using StoreSite;
using StoreSite.Files;

namespace CP.Downloads.Releases;

/// <summary>Publishes, unpublishes and deletes a product's releases (deleting removes the stored file too).</summary>
public sealed class ReleaseChanges(DownloadsDbContext db, IFileStore files, TimeProvider clock)
{
    public async Task<Outcome> SetPublishedAsync(int productId, int releaseId, bool published, CancellationToken cancellationToken)
    {
        var release = await db.Releases.FirstOrDefaultAsync(r => r.Id == releaseId && r.ProductId == productId, cancellationToken);
        if (release is null)
        {
            return Outcome.Refused(ReleaseProblems.ReleaseNotFound);
        }

        if (release.IsPublished != published)
        {
            release.IsPublished = published;
            if (published)
            {
                release.PublishedAt = clock.GetUtcNow();
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Done;
    }

    public async Task<Outcome> DeleteAsync(int productId, int releaseId, CancellationToken cancellationToken)
    {
        var release = await db.Releases.FirstOrDefaultAsync(r => r.Id == releaseId && r.ProductId == productId, cancellationToken);
        if (release is null)
        {
            return Outcome.Refused(ReleaseProblems.ReleaseNotFound);
        }

        db.Releases.Remove(release);
        await db.SaveChangesAsync(cancellationToken);
        await files.DeleteAsync(release.StoredName, CancellationToken.None);
        return Outcome.Done;
    }
}
