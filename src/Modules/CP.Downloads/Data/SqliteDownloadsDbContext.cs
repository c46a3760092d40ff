using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace CP.Downloads.Data;

/// <summary>Carries the SQLite migrations of <see cref="DownloadsDbContext"/>.</summary>
public sealed class SqliteDownloadsDbContext(DbContextOptions<DownloadsDbContext> options, SiteDatabase? database)
    : DownloadsDbContext(options, database);
