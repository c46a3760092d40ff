using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace CP.Commerce.Data;

/// <summary>Carries the SQLite migrations of <see cref="CommerceDbContext"/>.</summary>
public sealed class SqliteCommerceDbContext(DbContextOptions<CommerceDbContext> options, SiteDatabase? database)
    : CommerceDbContext(options, database);
