using Microsoft.EntityFrameworkCore;
using System.Data.Common;

namespace StoreSite.Data;

/// <summary>Builds the options of a module DbContext for a provider and connection.</summary>
public static class ModuleDbContextOptions
{
    public static DbContextOptions<TContext> Create<TContext>(
        DatabaseProvider provider,
        DbConnection? connection,
        string migrationsHistoryTable)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        if (provider == DatabaseProvider.Postgres)
        {
            if (connection is null)
            {
                builder.UseNpgsql(o => o.MigrationsHistoryTable(migrationsHistoryTable));
            }
            else
            {
                builder.UseNpgsql(connection, o => o.MigrationsHistoryTable(migrationsHistoryTable));
            }
        }
        else
        {
            if (connection is null)
            {
                builder.UseSqlite(o => o.MigrationsHistoryTable(migrationsHistoryTable));
            }
            else
            {
                builder.UseSqlite(connection, o => o.MigrationsHistoryTable(migrationsHistoryTable));
            }
        }

        return builder.Options;
    }
}
