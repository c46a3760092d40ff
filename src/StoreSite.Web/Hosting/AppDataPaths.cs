using Microsoft.Extensions.Options;

namespace StoreSite.Web.Hosting;

/// <summary>Absolute paths inside the AppData folder (created on first use).</summary>
public sealed class AppDataPaths
{
    public AppDataPaths(IOptions<StoreSiteOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        Root = Path.GetFullPath(options.Value.AppData, environment.ContentRootPath);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The default SQLite database file.</summary>
    public string SqliteDatabase => Path.Combine(Root, "store.db");

    /// <summary>The database chosen on the setup page (when configuration names none).</summary>
    public string DatabaseChoice => Path.Combine(Root, "database.json");

    /// <summary>The mail pickup folder.</summary>
    public string MailPickup => Path.Combine(Root, "mail");

    /// <summary>Data Protection keys made before the site had a database.</summary>
    public string PreSetupKeys => Path.Combine(Root, "keys");
}
