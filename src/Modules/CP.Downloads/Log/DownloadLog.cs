using CP.Downloads.Data;
using CP.Downloads.Models;

namespace CP.Downloads.Log;

/// <summary>
/// Writes the download log: one row per served download, in its own short statement (no transaction is
/// held while the file streams; <see cref="Links.LoggedDownloadResult"/> calls this before the first byte).
/// </summary>
public sealed class DownloadLog(DownloadsDbContext db)
{
    public async Task RecordAsync(Download download, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(download);
        db.Downloads.Add(download);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(download).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
    }
}
