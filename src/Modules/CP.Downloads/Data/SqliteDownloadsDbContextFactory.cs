using Microsoft.EntityFrameworkCore.Design;
using StoreSite.Data;

namespace CP.Downloads.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without a running site.</summary>
public sealed class SqliteDownloadsDbContextFactory : IDesignTimeDbContextFactory<SqliteDownloadsDbContext>
{
    public SqliteDownloadsDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextOptions.Create<DownloadsDbContext>(DatabaseProvider.Sqlite, null, DownloadsDbContext.MigrationsHistoryTable), null);
}
