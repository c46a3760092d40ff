using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StoreSite.Data;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.DeactivateArrange;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Host;

/// <summary>
/// PostgreSQL connections return to the pool without <c>DISCARD ALL</c> (<see cref="PostgresConnectionDefaults"/>),
/// so that the Verify API's statements stay prepared. That is safe only while no request leaves
/// state on a connection the next request would inherit: these tests look for each kind of session
/// state on the pooled connections after real traffic, and in the sources.
/// </summary>
public sealed partial class PostgresSessionStateTests
{
    [Theory]
    [InlineData("Host=db;Username=app", 32, true)]
    [InlineData("Host=db;Username=app;Max Auto Prepare=0", 0, true)]
    [InlineData("Host=db;Username=app;maxautoprepare=4;NO RESET ON CLOSE=false", 4, false)]
    [InlineData("Host=db;Username=app;No Reset On Close=False", 32, false)]
    public void The_defaults_apply_only_to_what_the_connection_string_does_not_name(string connectionString, int maxAutoPrepare, bool noResetOnClose)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString));

        Assert.Equal(maxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal(noResetOnClose, applied.NoResetOnClose);
        Assert.Equal("db", applied.Host);
        Assert.Equal("app", applied.Username);
        Assert.True(applied.Pooling);
        Assert.False(new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Unpooled(connectionString)).Pooling);
    }

    [Fact]
    public async Task After_verify_and_deactivate_traffic_no_pooled_connection_holds_session_state()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o => o.PostgresConnectionString = database.ConnectionString);
        var key = await IssueAsync(site, maxActivations: 50);
        var client = site.CreateClient();

        // Enough calls for Npgsql to prepare the statements (it prepares a statement on its fifth use
        // on a connection): four at a time, so that a few connections serve them all.
        for (var round = 0; round < 10; round++)
        {
            var calls = Enumerable.Range(0, 4).Select(i => VerifyAsync(client, key, $"site{i}.example.com", from: $"198.51.100.{i + 1}"));
            foreach (var response in await Task.WhenAll(calls))
            {
                await AssertValidAsync(response);
            }
        }

        using (var deactivated = await DeactivateAsync(client, key, "site0.example.com", from: "198.51.100.1"))
        {
            await AssertDeactivatedAsync(deactivated);
        }

        // Every backend of the site's database is idle outside a transaction and holds no lock.
        await using (var observer = new NpgsqlConnection(PostgresConnectionDefaults.Unpooled(database.ConnectionString)))
        {
            await observer.OpenAsync();
            Assert.Equal(0L, await ScalarAsync<long>(observer, """
                SELECT COUNT(*) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
                """));
            Assert.Equal(0L, await ScalarAsync<long>(observer, """
                SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity s ON s.pid = l.pid
                WHERE s.datname = current_database() AND l.pid <> pg_backend_pid()
                """));
        }

        // Take as many pooled connections at once as the pool holds idle, and probe each one.
        var siteConnection = site.Services.GetRequiredService<SiteConnection>();
        var pooled = new List<DbConnection>();
        try
        {
            for (var i = 0; i < 12; i++)
            {
                var connection = siteConnection.CreateConnection();
                await connection.OpenAsync();
                pooled.Add(connection);
            }

            var prepared = 0L;
            foreach (var connection in pooled)
            {
                Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM pg_settings WHERE source = 'session'"));
                Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM pg_listening_channels()"));
                Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM pg_cursors WHERE name <> ''"));
                Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory'"));
                Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema()"));
                Assert.False(await InTransactionAsync(connection), "a transaction was open on a pooled connection");
                prepared += await ScalarAsync<long>(connection, """SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM "Licenses" AS l%WHERE l."Key" = $%'""");
            }

            // The point of it all: the Verify lookup stayed prepared on the connections that served it.
            var all = string.Join(" | ", await Task.WhenAll(pooled.Select(c => ScalarAsync<string>(c, "SELECT COALESCE(string_agg(left(statement, 60), ' / '), '') FROM pg_prepared_statements"))));
            Assert.True(prepared > 0, $"no pooled connection kept the Verify lookup prepared: {all}");
        }
        finally
        {
            foreach (var connection in pooled)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_transaction_left_open_on_a_pooled_connection_is_rolled_back_when_it_closes()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o => o.PostgresConnectionString = database.ConnectionString);
        var key = await IssueAsync(site, maxActivations: 3);
        var siteConnection = site.Services.GetRequiredService<SiteConnection>();

        await using (var careless = siteConnection.CreateConnection())
        {
            await careless.OpenAsync();
            var transaction = await careless.BeginTransactionAsync();
            await using var update = careless.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = """UPDATE "Licenses" SET "MaxActivations" = 99 WHERE "Key" = @key""";
            update.Parameters.Add(new NpgsqlParameter("key", key));
            Assert.Equal(1, await update.ExecuteNonQueryAsync());

            // Closed with neither commit nor rollback (and the transaction object never disposed).
        }

        // Another session can lock the row at once and reads the value from before.
        await using (var other = new NpgsqlConnection(PostgresConnectionDefaults.Unpooled(database.ConnectionString)))
        {
            await other.OpenAsync();
            await using var transaction = await other.BeginTransactionAsync();
            await ExecuteAsync(other, "SET LOCAL lock_timeout = '2s'");
            await using var read = other.CreateCommand();
            read.CommandText = """SELECT "MaxActivations" FROM "Licenses" WHERE "Key" = @key FOR UPDATE""";
            read.Parameters.Add(new NpgsqlParameter("key", key));
            Assert.Equal(3, Convert.ToInt32(await read.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }

        // No backend of the site's database is left inside a transaction, and the pooled connections
        // come back outside one.
        await using (var observer = new NpgsqlConnection(PostgresConnectionDefaults.Unpooled(database.ConnectionString)))
        {
            await observer.OpenAsync();
            Assert.Equal(0L, await ScalarAsync<long>(observer, """
                SELECT COUNT(*) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'
                """));
        }

        await using var again = siteConnection.CreateConnection();
        await again.OpenAsync();
        Assert.False(await InTransactionAsync(again));
    }

    [Fact]
    public void No_source_leaves_session_state_on_a_pooled_connection()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (Match match in SessionState().Matches(text))
            {
                // The migrator's advisory lock is taken on an unpooled connection (CreateSessionConnection).
                if (Path.GetFileName(file) == "DatabaseMigrator.cs" && match.Value.Contains("advisory", StringComparison.OrdinalIgnoreCase))
                {
                    Assert.Contains("site.CreateSessionConnection()", text, StringComparison.Ordinal);
                    continue;
                }

                offenders.Add($"{Path.GetRelativePath(Repository.Root, file)}: {match.Value}");
            }
        }

        Assert.Empty(offenders);
    }

    // SET / RESET of a setting outside SET LOCAL, set_config(..., false), LISTEN, temporary tables,
    // holdable cursors, prepared statements by name and session advisory locks.
    [GeneratedRegex("""(?<![A-Za-z_"])(?:SET\s+(?:SESSION\s+)?(?!LOCAL\b)[A-Za-z_]+\s*(?:=|TO\b)|RESET\s+(?:ALL|[a-z_]+)\b|set_config\s*\([^)]*false|LISTEN\s|CREATE\s+TEMP(?:ORARY)?\s|WITH\s+HOLD|PREPARE\s+[A-Za-z_]+\s*(?:AS|\()|pg_advisory_lock)""")]
    private static partial Regex SessionState();

    private static async Task<T> ScalarAsync<T>(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    // A savepoint outside a transaction block fails with 25P01 (no_active_sql_transaction).
    private static async Task<bool> InTransactionAsync(DbConnection connection)
    {
        try
        {
            await ExecuteAsync(connection, "SAVEPOINT probe");
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.NoActiveSqlTransaction)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
