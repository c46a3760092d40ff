using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using StoreSite.Data;

namespace StoreSite.Data;

/// <summary>
/// Read statements kept prepared on SQLite, for the Verify API's lookup. Microsoft.Data.Sqlite
/// prepares every new command anew, and preparing was the largest cost of a Verify call (see
/// bench/RESULTS.md); a command kept here, on a read connection of its own, is prepared once.
/// These connections read the database file through a memory map (<see cref="MemoryMapBytes"/>):
/// a lookup copies no pages (bench/run measured about a tenth more known-environment calls per second).
/// Only for reads in autocommit: each execution sees the latest committed state, as a read on the
/// scope's connection would (WAL readers neither block nor wait). Singleton.
/// </summary>
public sealed class SqliteStatementCache(SiteConnection site) : IDisposable
{
    /// <summary>Idle statements kept per SQL text; more are closed when returned.</summary>
    public static readonly int MaxIdle = Environment.ProcessorCount * 4 + 8;

    /// <summary>How much of the database file the read connections map (address space, not memory).</summary>
    public const long MemoryMapBytes = 256L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, IdleCommands> _idle = new(StringComparer.Ordinal);
    private long _rented;

    /// <summary>How many statements were handed out (a diagnostic for tests).</summary>
    public long Rented => Interlocked.Read(ref _rented);

    /// <summary>A command for <paramref name="sql"/> on an open read connection to the site's database.</summary>
    public Lease Rent(string sql)
    {
        Interlocked.Increment(ref _rented);
        var connectionString = site.Current?.ConnectionString;
        var idle = _idle.GetOrAdd(sql, _ => new IdleCommands());
        while (idle.TryTake(out var command))
        {
            if (command.Connection is { State: ConnectionState.Open } connection && connection.ConnectionString == connectionString)
            {
                return new Lease(this, idle, command);
            }

            Close(command);
        }

        var opened = site.CreateConnection();
        opened.Open();
        MapMemory(opened, MemoryMapBytes);
        var created = opened.CreateCommand();
        created.CommandText = sql;
        return new Lease(this, idle, created);
    }

    public void Dispose()
    {
        foreach (var idle in _idle.Values)
        {
            while (idle.TryTake(out var command))
            {
                Close(command);
            }
        }
    }

    private static void Return(IdleCommands idle, DbCommand command)
    {
        if (!idle.TryAdd(command))
        {
            Close(command);
        }
    }

    private static void Close(DbCommand command)
    {
        var connection = command.Connection;
        command.Dispose();
        if (connection is null)
        {
            return;
        }

        // The physical connection goes back to the pool, where pages and exports scan whole tables:
        // unmapped, so that each of them does not keep the whole file in its working set.
        if (connection.State == ConnectionState.Open)
        {
            MapMemory(connection, 0);
        }

        connection.Dispose();
    }

    private static void MapMemory(DbConnection connection, long bytes)
    {
        using var map = connection.CreateCommand();
        map.CommandText = $"PRAGMA mmap_size={bytes};";
        map.ExecuteNonQuery();
    }

    /// <summary>A rented command; its parameters are kept between uses (add them once, then set values). Dispose to return it.</summary>
    public readonly struct Lease(SqliteStatementCache? cache, IdleCommands? idle, DbCommand? command) : IDisposable
    {
        public DbCommand? Command => command;

        public void Dispose()
        {
            if (cache is not null && command is not null)
            {
                Return(idle!, command);
            }
        }
    }

    /// <summary>
    /// The idle commands of one SQL text, at most <see cref="MaxIdle"/>. Counted apart: a
    /// ConcurrentBag's own Count takes the lock of every thread's list, on every return.
    /// </summary>
    public sealed class IdleCommands
    {
        private readonly ConcurrentBag<DbCommand> _commands = [];
        private int _count;

        public bool TryTake([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DbCommand? command)
        {
            if (!_commands.TryTake(out command))
            {
                return false;
            }

            Interlocked.Decrement(ref _count);
            return true;
        }

        public bool TryAdd(DbCommand command)
        {
            if (Interlocked.Increment(ref _count) > MaxIdle)
            {
                Interlocked.Decrement(ref _count);
                return false;
            }

            _commands.Add(command);
            return true;
        }
    }
}
