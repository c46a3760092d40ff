using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace StoreSite.Tests.Hostile;

/// <summary>
/// Every table of a site's SQLite database as "table: rows, hash of all values", read on a
/// connection of its own (a setup that is refused may leave an empty file: that counts as no tables). Data-protection keys and migration history are left out (keys are made
/// on first use; neither is data a form can change).
/// </summary>
internal static class DatabaseFingerprint
{
    /// <summary>The fingerprint; empty when there is no database file or it has no tables yet.</summary>
    /// <param name="withoutRefusals">
    /// Leave out what a Verify call refused at the limit writes by design (docs/verify-api.md, "When
    /// a key reaches its limit"): the refused environments, their history entries and the day of the
    /// customer's limit notice.
    /// </param>
    public static async Task<string> TakeAsync(string appData, bool withoutRefusals = false)
    {
        var file = Path.Combine(appData, "store.db");
        if (!File.Exists(file))
        {
            return string.Empty;
        }

        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = """
                SELECT name FROM sqlite_master WHERE type = 'table'
                AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrationsHistory%' AND name <> 'DataProtectionKeys'
                ORDER BY name
                """;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var lines = new StringBuilder();
        foreach (var table in withoutRefusals ? tables.Where(t => t != "RefusedEnvironments") : tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = withoutRefusals && table == "LicenseEvents"
                ? $"SELECT * FROM \"{table}\" WHERE \"Kind\" <> {(int)CP.Licensing.Models.LicenseEventKind.ActivationRefused} ORDER BY rowid"
                : $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (withoutRefusals && reader.GetName(i) == "LimitNoticeSentOn")
                    {
                        continue;
                    }

                    var value = reader.GetValue(i) switch
                    {
                        DBNull => "\u2400",
                        byte[] bytes => Convert.ToHexString(bytes),
                        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
                    };
                    hash.AppendData(Encoding.UTF8.GetBytes(value + "\u241F"));
                }
            }

            lines.Append(CultureInfo.InvariantCulture, $"{table}: {rows} rows, {Convert.ToHexString(hash.GetHashAndReset())[..16]}\n");
        }

        return lines.ToString();
    }
}
