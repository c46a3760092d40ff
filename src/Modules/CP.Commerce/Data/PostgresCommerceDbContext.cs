using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace CP.Commerce.Data;

/// <summary>Carries the PostgreSQL migrations of <see cref="CommerceDbContext"/>.</summary>
public sealed class PostgresCommerceDbContext(DbContextOptions<CommerceDbContext> options, SiteDatabase? database)
    : CommerceDbContext(options, database);
