using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace StoreSite.Web.Data;

/// <summary>Carries the SQLite migrations of <see cref="StoreSiteDbContext"/>.</summary>
public sealed class SqliteStoreSiteDbContext(DbContextOptions<StoreSiteDbContext> options, SiteDatabase? database)
    : StoreSiteDbContext(options, database);
