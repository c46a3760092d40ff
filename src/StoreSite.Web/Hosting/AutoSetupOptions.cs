namespace StoreSite.Web.Hosting;

/// <summary><c>StoreSite:AutoSetup</c>: headless setup when <see cref="Recipe"/> is set and the site is not set up.</summary>
public sealed class AutoSetupOptions
{
    /// <summary>A recipe name (e.g. <c>store</c>) or a path to a <c>*.recipe.json</c> file.</summary>
    public string? Recipe { get; set; }

    public string? SiteName { get; set; }

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    /// <summary>The public address to record (as the setup page's field does); unset: nothing is recorded.</summary>
    public string? PublicUrl { get; set; }

    public bool IsRequested => !string.IsNullOrWhiteSpace(Recipe);
}
