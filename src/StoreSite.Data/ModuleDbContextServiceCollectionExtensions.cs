using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace StoreSite.Data;

public static class ModuleDbContextServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module's DbContext (scoped) on the scope's <see cref="SiteDatabase"/> connection.
    /// <typeparamref name="TSqlite"/> and <typeparamref name="TPostgres"/> are thin subclasses that
    /// carry each provider's migrations (<c>Data/Migrations/Sqlite</c>, <c>Data/Migrations/Postgres</c>);
    /// the one matching the site's provider is created. Each context keeps its own migrations
    /// history table, since all modules share one database.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(
        this IServiceCollection services,
        string migrationsHistoryTable)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        services.AddScoped(sp =>
        {
            var database = sp.GetRequiredService<SiteDatabase>();
            var options = ModuleDbContextOptions.Create<TContext>(database.Provider, database.Connection, migrationsHistoryTable);
            return database.Provider == DatabaseProvider.Postgres
                ? (TContext)ActivatorUtilities.CreateInstance<TPostgres>(sp, options)
                : ActivatorUtilities.CreateInstance<TSqlite>(sp, options);
        });
        services.AddSingleton(new ModuleDbContextDescriptor(typeof(TContext), migrationsHistoryTable));
        return services;
    }
}
