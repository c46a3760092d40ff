using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace StoreSite.Web.Data;

/// <summary>Carries the PostgreSQL migrations of <see cref="StoreSiteDbContext"/>.</summary>
public sealed class PostgresStoreSiteDbContext(DbContextOptions<StoreSiteDbContext> options, SiteDatabase? database)
    : StoreSiteDbContext(options, database);
