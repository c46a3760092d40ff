using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using StoreSite.Data;
using StoreSite.Web.Hosting;

namespace StoreSite.Web.Data;

/// <summary>
/// Finds the site's database: configuration first (<c>StoreSite:Database</c>), then the choice the
/// setup page stored in <c>&lt;AppData&gt;/database.json</c>, then an existing default SQLite file.
/// </summary>
public sealed class DatabaseLocator(IOptions<StoreSiteOptions> options, AppDataPaths paths)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>True when configuration names the database; the setup page then shows no choice.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Database.Provider);

    public DatabaseConnectionInfo DefaultSqlite => Sqlite(paths.SqliteDatabase);

    /// <summary>The database to use, or null when none is chosen yet (the setup page will ask).</summary>
    public DatabaseConnectionInfo? Locate()
    {
        if (IsConfigured)
        {
            var configured = options.Value.Database;
            var provider = Enum.Parse<DatabaseProvider>(configured.Provider!, ignoreCase: true);
            return provider == DatabaseProvider.Postgres
                ? new DatabaseConnectionInfo(provider, configured.ConnectionString!)
                : string.IsNullOrWhiteSpace(configured.ConnectionString)
                    ? DefaultSqlite
                    : new DatabaseConnectionInfo(provider, configured.ConnectionString);
        }

        if (File.Exists(paths.DatabaseChoice))
        {
            var stored = JsonSerializer.Deserialize<DatabaseConnectionInfo>(File.ReadAllText(paths.DatabaseChoice), JsonOptions);
            if (stored is not null)
            {
                return stored;
            }
        }

        return File.Exists(paths.SqliteDatabase) ? DefaultSqlite : null;
    }

    /// <summary>Remembers the setup page's choice under AppData (not when configuration decides).</summary>
    public void Remember(DatabaseConnectionInfo info)
    {
        if (!IsConfigured)
        {
            File.WriteAllText(paths.DatabaseChoice, JsonSerializer.Serialize(info, JsonOptions));
        }
    }

    public static DatabaseConnectionInfo Sqlite(string file) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString());
}
