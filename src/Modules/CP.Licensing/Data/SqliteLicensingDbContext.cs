using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace CP.Licensing.Data;

/// <summary>Carries the SQLite migrations of <see cref="LicensingDbContext"/>.</summary>
public sealed class SqliteLicensingDbContext(DbContextOptions<LicensingDbContext> options, SiteDatabase? database)
    : LicensingDbContext(options, database);
