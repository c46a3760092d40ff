using Microsoft.EntityFrameworkCore.Design;
using StoreSite.Data;

namespace CP.Commerce.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without a running site.</summary>
public sealed class SqliteCommerceDbContextFactory : IDesignTimeDbContextFactory<SqliteCommerceDbContext>
{
    public SqliteCommerceDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextOptions.Create<CommerceDbContext>(DatabaseProvider.Sqlite, null, CommerceDbContext.MigrationsHistoryTable), null);
}
