namespace StoreSite.Web.Hosting;

/// <summary>Configuration section <c>StoreSite</c> (environment variables <c>StoreSite__…</c>).</summary>
public sealed class StoreSiteOptions
{
    public const string Section = "StoreSite";

    /// <summary>Folder for the SQLite file, mail pickup, keys before setup. Relative paths are beside the app.</summary>
    public string AppData { get; set; } = "App_Data";

    /// <summary>
    /// The site's public address for links in mail (e.g. <c>https://store.example.com</c>); when set it
    /// wins over the address recorded at setup (Admin -> Settings). Empty: that recorded address, else
    /// the server's own listening address; never a request's Host header (see <c>PublicSiteAddressResolver</c>).
    /// </summary>
    public string? PublicUrl { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public AutoSetupOptions AutoSetup { get; set; } = new();

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    public SignInOptions SignIn { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();
}
