using Microsoft.EntityFrameworkCore.Design;
using StoreSite.Data;

namespace CP.Downloads.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a running site.</summary>
public sealed class PostgresDownloadsDbContextFactory : IDesignTimeDbContextFactory<PostgresDownloadsDbContext>
{
    public PostgresDownloadsDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextOptions.Create<DownloadsDbContext>(DatabaseProvider.Postgres, null, DownloadsDbContext.MigrationsHistoryTable), null);
}
