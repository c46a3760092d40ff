using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace StoreSite.Tests.Resilience;

/// <summary>
/// Reads a store's database directly (another process owns the site): licenses with their
/// environment counts, allow-lists, orders. The same SQL on SQLite and PostgreSQL.
/// </summary>
internal sealed class StoreRows(Func<DbConnection> connect)
{
    public static StoreRows Sqlite(string appData) =>
        new(() => new SqliteConnection($"Data Source={Path.Combine(appData, "store.db")};Mode=ReadWrite;Pooling=False"));

    public static StoreRows Postgres(string connectionString) =>
        new(() => new NpgsqlConnection(connectionString));

    public async Task<IReadOnlyList<LicenseRow>> LicensesAsync()
    {
        var rows = new List<LicenseRow>();
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT l."Id", l."Key", l."OrderNumber", l."MaxActivations", l."ActivationsUsed", l."RevokedAt" IS NOT NULL,
                   (SELECT COUNT(*) FROM "LicenseActivations" AS a WHERE a."LicenseId" = l."Id")
            FROM "Licenses" AS l ORDER BY l."Id"
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new LicenseRow(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetBoolean(5),
                Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>The allow-list of a key: (domain, ip) pairs.</summary>
    public async Task<IReadOnlyList<(string Domain, string Ip)>> EnvironmentsAsync(string key)
    {
        var rows = new List<(string, string)>();
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a."Domain", a."Ip" FROM "LicenseActivations" AS a JOIN "Licenses" AS l ON l."Id" = a."LicenseId"
            WHERE l."Key" = @key ORDER BY a."Id"
            """;
        Add(command, "@key", key);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>The order's status and how many timeline entries record a provider refund.</summary>
    public async Task<(string Status, int ProviderRefunds)> OrderAsync(string number)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT o."Status", (SELECT COUNT(*) FROM "OrderTimeline" AS t WHERE t."OrderId" = o."Id" AND t."Message" LIKE '% refunded by %')
            FROM "Orders" AS o WHERE o."Number" = @number
            """;
        Add(command, "@number", number);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No order {number}");
        return (reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<string> TextAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No row: {sql}"));
    }

    /// <summary>SQLite's <c>PRAGMA integrity_check</c> answer, lines joined.</summary>
    public async Task<string> IntegrityCheckAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("\n", lines);
    }

    private async Task<DbConnection> OpenAsync()
    {
        var connection = connect();
        await connection.OpenAsync();
        return connection;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>A license as stored: its Max Activations, Activations Used, revoked or not, and how many environments its allow-list has.</summary>
internal sealed record LicenseRow(int Id, string Key, string? OrderNumber, int Max, int Used, bool Revoked, int Environments);
