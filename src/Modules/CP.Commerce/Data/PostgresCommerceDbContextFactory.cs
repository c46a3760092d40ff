using Microsoft.EntityFrameworkCore.Design;
using StoreSite.Data;

namespace CP.Commerce.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a running site.</summary>
public sealed class PostgresCommerceDbContextFactory : IDesignTimeDbContextFactory<PostgresCommerceDbContext>
{
    public PostgresCommerceDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextOptions.Create<CommerceDbContext>(DatabaseProvider.Postgres, null, CommerceDbContext.MigrationsHistoryTable), null);
}
