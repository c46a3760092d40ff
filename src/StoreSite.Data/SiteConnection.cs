using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace StoreSite.Data;

/// <summary>
/// The site's database, known from configuration at start-up or chosen on the setup page
/// (singleton). Creates connections: SQLite connections are pooled by Microsoft.Data.Sqlite and
/// opened in WAL mode with <c>synchronous=NORMAL</c> and foreign keys on; PostgreSQL connections come from one
/// <see cref="NpgsqlDataSource"/> per connection string, with <see cref="PostgresConnectionDefaults"/>
/// (statements kept prepared, no reset when a connection returns to the pool).
/// </summary>
public sealed class SiteConnection : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, NpgsqlDataSource> _dataSources = new(StringComparer.Ordinal);
    private DatabaseConnectionInfo? _current;

    /// <summary>The database in use; null while a site without configured database waits for setup.</summary>
    public DatabaseConnectionInfo? Current => Volatile.Read(ref _current);

    public DatabaseProvider Provider => RequireCurrent().Provider;

    public void Use(DatabaseConnectionInfo info) => Volatile.Write(ref _current, info);

    /// <summary>A new, closed connection to the site's database.</summary>
    public DbConnection CreateConnection() => CreateConnection(RequireCurrent());

    public DbConnection CreateConnection(DatabaseConnectionInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Provider == DatabaseProvider.Postgres)
        {
            return _dataSources.GetOrAdd(info.ConnectionString, cs => NpgsqlDataSource.Create(PostgresConnectionDefaults.Apply(cs))).CreateConnection();
        }

        var connection = new SqliteConnection(info.ConnectionString);
        connection.StateChange += OnSqliteOpened;
        return connection;
    }

    /// <summary>
    /// A new, closed connection for work that keeps state in the database session (a session-level
    /// advisory lock): on PostgreSQL outside the pool, so that state ends when the connection closes
    /// and never reaches a request; on SQLite the same as <see cref="CreateConnection()"/>.
    /// </summary>
    public DbConnection CreateSessionConnection()
    {
        var info = RequireCurrent();
        return info.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(PostgresConnectionDefaults.Unpooled(info.ConnectionString))
            : CreateConnection(info);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources.Values)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _dataSources.Clear();
    }

    private DatabaseConnectionInfo RequireCurrent() =>
        Current ?? throw new InvalidOperationException("The site has no database yet: run setup first.");

    // The physical SQLite connections already set up (weak: a closed handle drops out).
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

    private static void OnSqliteOpened(object sender, StateChangeEventArgs e)
    {
        if (e.CurrentState != ConnectionState.Open || e.OriginalState == ConnectionState.Open)
        {
            return;
        }

        // Once per physical connection: the pool hands the same one out again with its settings kept.
        var connection = (SqliteConnection)sender;
        if (connection.Handle is not { } handle || Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
        command.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, Configured);
    }
}
