using Microsoft.EntityFrameworkCore.Design;
using StoreSite.Data;

namespace StoreSite.Web.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a running site.</summary>
public sealed class PostgresStoreSiteDbContextFactory : IDesignTimeDbContextFactory<PostgresStoreSiteDbContext>
{
    public PostgresStoreSiteDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextOptions.Create<StoreSiteDbContext>(DatabaseProvider.Postgres, null, StoreSiteDbContext.MigrationsHistoryTable), null);
}
