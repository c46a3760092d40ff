using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace CP.Licensing.Data;

/// <summary>Carries the PostgreSQL migrations of <see cref="LicensingDbContext"/> and the mapping's PostgreSQL differences.</summary>
public sealed class PostgresLicensingDbContext(DbContextOptions<LicensingDbContext> options, SiteDatabase? database)
    : LicensingDbContext(options, database)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<License>(LicenseConfiguration.ConfigurePostgres);
    }
}
