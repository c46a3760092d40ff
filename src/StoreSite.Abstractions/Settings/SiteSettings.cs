namespace StoreSite.Settings;

/// <summary>The site's general settings (section <see cref="Section"/>).</summary>
public sealed class SiteSettings
{
    public const string Section = "Site";

    public string SiteName { get; set; } = "StoreSite";

    /// <summary>An IANA or Windows time zone id; dates on pages are shown in it.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Rows per page in lists.</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>ISO 4217 code of the site currency.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>
    /// The public address recorded at setup or in Admin -> Settings (absolute http or https, ending
    /// in '/'); null when never recorded (sites set up before it existed, headless setup without it).
    /// <c>StoreSite:PublicUrl</c> wins over it; read it through <see cref="IPublicSiteAddress"/>.
    /// </summary>
    public string? PublicUrl { get; set; }
}
