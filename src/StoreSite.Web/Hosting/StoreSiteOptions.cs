namespace StoreSite.Web.Hosting;

/// <summary>Configuration section <c>StoreSite</c> (environment variables <c>StoreSite__…</c>).</summary>
public sealed class StoreSiteOptions
{
    public const string Section = "StoreSite";

    /// <summary>Folder for the SQLite file, mail pickup, keys before setup. Relative paths are beside the app.</summary>
    public string AppData { get; set; } = "App_Data";

    /// <summary>
    /// The site's public address for links in mail (e.g. <c>https://store.example.com</c>). Empty: the
    /// address of the request that sends the mail; set it behind a proxy or several host names.
    /// </summary>
    public string? PublicUrl { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public AutoSetupOptions AutoSetup { get; set; } = new();

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    public SignInOptions SignIn { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();
}
