using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace CP.Downloads.Data;

/// <summary>Carries the PostgreSQL migrations of <see cref="DownloadsDbContext"/>.</summary>
public sealed class PostgresDownloadsDbContext(DbContextOptions<DownloadsDbContext> options, SiteDatabase? database)
    : DownloadsDbContext(options, database);
