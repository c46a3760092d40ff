namespace StoreSite.Settings;

/// <summary>Where the site's <see cref="PublicSiteAddress"/> comes from.</summary>
public enum PublicSiteAddressSource
{
    /// <summary><c>StoreSite:PublicUrl</c> (environment variable <c>StoreSite__PublicUrl</c>).</summary>
    Configuration,

    /// <summary>Recorded at setup or in Admin -> Settings.</summary>
    Settings,

    /// <summary>Nothing configured or recorded: the address the server listens on (a wildcard host becomes <c>localhost</c>).</summary>
    Server,
}
