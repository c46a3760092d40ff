using Microsoft.EntityFrameworkCore.Design;
using StoreSite.Data;

namespace StoreSite.Web.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without a running site.</summary>
public sealed class SqliteStoreSiteDbContextFactory : IDesignTimeDbContextFactory<SqliteStoreSiteDbContext>
{
    public SqliteStoreSiteDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextOptions.Create<StoreSiteDbContext>(DatabaseProvider.Sqlite, null, StoreSiteDbContext.MigrationsHistoryTable), null);
}
