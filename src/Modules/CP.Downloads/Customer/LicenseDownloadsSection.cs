using CP.Licensing.Pages;

namespace CP.Downloads.Customer;

/// <summary>"Downloads" on the customer's key page: the releases the key entitles to, with links, and the downloads made with it.</summary>
public sealed class LicenseDownloadsSection : ILicensePageSection
{
    public Type ViewComponent => typeof(LicenseDownloadsViewComponent);
}
