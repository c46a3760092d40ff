using Microsoft.EntityFrameworkCore.Design;
using StoreSite.Data;

namespace CP.Payments.Stripe.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a running site.</summary>
public sealed class PostgresStripeDbContextFactory : IDesignTimeDbContextFactory<PostgresStripeDbContext>
{
    public PostgresStripeDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextOptions.Create<StripeDbContext>(DatabaseProvider.Postgres, null, StripeDbContext.MigrationsHistoryTable), null);
}
