using System.Data.Common;
using Npgsql;

namespace StoreSite.Data;

/// <summary>
/// What StoreSite adds to a PostgreSQL connection string unless the string says otherwise:
/// <list type="bullet">
/// <item><c>Max Auto Prepare</c> (<see cref="MaxAutoPrepare"/>): a statement run often (the Verify
/// lookup, the activation, the last-seen update) becomes a prepared statement on each physical
/// connection, so PostgreSQL stops planning it on every call (planning cost five times the execution).</item>
/// <item><c>No Reset On Close=true</c>: a connection returned to the pool is not sent <c>DISCARD ALL</c>,
/// which would drop those prepared statements and cost a round trip per request. This is safe
/// because StoreSite never leaves session state on a pooled connection: no <c>SET</c> outside a
/// transaction, no <c>LISTEN</c>, no temporary table, no holdable cursor, no session advisory lock
/// (the migrator's lock is taken on an unpooled connection: <see cref="SiteConnection.CreateSessionConnection"/>);
/// and Npgsql still rolls back a transaction left open when the connection closes.
/// <c>PostgresSessionStateTests</c> checks all of this against a live server.</item>
/// </list>
/// Pool size stays Npgsql's default (100 per node); see README, "PostgreSQL and several web nodes".
/// </summary>
public static class PostgresConnectionDefaults
{
    /// <summary>How many statements each physical connection keeps prepared.</summary>
    public const int MaxAutoPrepare = 32;

    /// <summary>The connection string with StoreSite's defaults for what it does not name.</summary>
    public static string Apply(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var named = Names(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!named.Contains("maxautoprepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!named.Contains("noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>The connection string for a connection outside the pool (session state dies with it).</summary>
    public static string Unpooled(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
    }

    // The keywords the string names, lower case without spaces ("Max Auto Prepare" and "maxautoprepare" alike).
    private static HashSet<string> Names(string connectionString)
    {
        var generic = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return generic.Keys.Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
    }
}
