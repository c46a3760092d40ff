using CP.Commerce.Admin;

namespace CP.Downloads.Admin;

/// <summary>"Releases" on the admin product page.</summary>
public sealed class ReleasesProductLink : IProductAdminLink
{
    public string Text => "Releases";

    public string RouteName => DownloadsRoutes.Releases;
}
