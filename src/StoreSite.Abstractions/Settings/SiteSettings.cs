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
}
