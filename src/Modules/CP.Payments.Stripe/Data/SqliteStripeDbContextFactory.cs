using Microsoft.EntityFrameworkCore.Design;
using StoreSite.Data;

namespace CP.Payments.Stripe.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without a running site.</summary>
public sealed class SqliteStripeDbContextFactory : IDesignTimeDbContextFactory<SqliteStripeDbContext>
{
    public SqliteStripeDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextOptions.Create<StripeDbContext>(DatabaseProvider.Sqlite, null, StripeDbContext.MigrationsHistoryTable), null);
}
