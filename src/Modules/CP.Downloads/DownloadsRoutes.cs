namespace CP.Downloads;

/// <summary>The downloads module's named routes (links are generated from these, never typed).</summary>
public static class DownloadsRoutes
{
    /// <summary>Admin -> Products -> a product -> Releases (<c>/admin/products/{id}/releases</c>).</summary>
    public const string Releases = "downloads.releases";

    /// <summary>A release's downloads (<c>/admin/products/{id}/releases/{releaseId}/downloads</c>).</summary>
    public const string ReleaseDownloads = "downloads.release-downloads";

    /// <summary>Account -> Downloads (<c>/account/downloads</c>).</summary>
    public const string CustomerDownloads = "downloads.customer";
}
