using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace CP.Licensing.Data;

/// <summary>Carries the PostgreSQL migrations of <see cref="LicensingDbContext"/>.</summary>
public sealed class PostgresLicensingDbContext(DbContextOptions<LicensingDbContext> options, SiteDatabase? database)
    : LicensingDbContext(options, database);
