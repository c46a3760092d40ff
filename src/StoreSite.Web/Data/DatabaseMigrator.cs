using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace StoreSite.Web.Data;

/// <summary>
/// Applies every context's pending migrations (host first, then modules in registration order).
/// EF Core takes a database-wide migration lock, so nodes starting together migrate once.
/// SQLite databases are switched to WAL.
/// </summary>
public sealed class DatabaseMigrator(IServiceProvider services, SiteDatabase database, IEnumerable<ModuleDbContextDescriptor> contexts, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var command = database.CreateCommand("PRAGMA journal_mode=WAL;");
            await database.OpenConnectionAsync(cancellationToken);
            await command.ExecuteScalarAsync(cancellationToken);
        }

        foreach (var descriptor in contexts)
        {
            var context = (DbContext)services.GetRequiredService(descriptor.ContextType);
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            logger.LogInformation("Applying {Count} migrations of {Context}", pending.Count, descriptor.ContextType.Name);
            await context.Database.MigrateAsync(cancellationToken);
        }
    }
}
