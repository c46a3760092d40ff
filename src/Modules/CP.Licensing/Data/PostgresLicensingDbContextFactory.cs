using Microsoft.EntityFrameworkCore.Design;
using StoreSite.Data;

namespace CP.Licensing.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a running site.</summary>
public sealed class PostgresLicensingDbContextFactory : IDesignTimeDbContextFactory<PostgresLicensingDbContext>
{
    public PostgresLicensingDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextOptions.Create<LicensingDbContext>(DatabaseProvider.Postgres, null, LicensingDbContext.MigrationsHistoryTable), null);
}
