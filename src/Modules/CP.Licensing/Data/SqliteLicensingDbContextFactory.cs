using Microsoft.EntityFrameworkCore.Design;
using StoreSite.Data;

namespace CP.Licensing.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without a running site.</summary>
public sealed class SqliteLicensingDbContextFactory : IDesignTimeDbContextFactory<SqliteLicensingDbContext>
{
    public SqliteLicensingDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextOptions.Create<LicensingDbContext>(DatabaseProvider.Sqlite, null, LicensingDbContext.MigrationsHistoryTable), null);
}
