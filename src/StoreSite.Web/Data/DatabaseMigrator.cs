using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;

namespace StoreSite.Web.Data;

/// <summary>
/// Applies every context's pending migrations (host first, then modules in registration order).
/// On PostgreSQL the whole run holds one session-level advisory lock (on a connection outside the
/// pool, so the lock can never stay behind on a pooled connection), so nodes starting together
/// migrate one after the other and the later ones find nothing left to do (EF Core's own lock is per
/// context and history table, which leaves a window between the contexts of one run). SQLite
/// databases are switched to WAL.
/// </summary>
public sealed class DatabaseMigrator(
    IServiceProvider services,
    SiteDatabase database,
    SiteConnection site,
    IEnumerable<ModuleDbContextDescriptor> contexts,
    ILogger<DatabaseMigrator> logger)
{
    /// <summary>The advisory lock key of StoreSite's migrations (any constant shared by every node).</summary>
    public const long PostgresMigrationLock = 0x53746f7265536974; // "StoreSit"

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var command = database.CreateCommand("PRAGMA journal_mode=WAL;");
            await database.OpenConnectionAsync(cancellationToken);
            await command.ExecuteScalarAsync(cancellationToken);
            await MigrateContextsAsync(cancellationToken);
            return;
        }

        await using var lockConnection = site.CreateSessionConnection();
        await lockConnection.OpenAsync(cancellationToken);
        await ExecuteAsync(lockConnection, $"SELECT pg_advisory_lock({PostgresMigrationLock})", cancellationToken);
        try
        {
            await MigrateContextsAsync(cancellationToken);
        }
        finally
        {
            await ExecuteAsync(lockConnection, $"SELECT pg_advisory_unlock({PostgresMigrationLock})", CancellationToken.None);
        }
    }

    private async Task MigrateContextsAsync(CancellationToken cancellationToken)
    {
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

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
