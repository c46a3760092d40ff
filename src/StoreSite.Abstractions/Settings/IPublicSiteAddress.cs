namespace StoreSite.Settings;

/// <summary>
/// The site's public base address: the one place every link in mail starts from (password reset,
/// order confirmation, refund and cancellation notices, license mails). In order:
/// <c>StoreSite:PublicUrl</c> when configured (configuration wins); else the address recorded at
/// setup and editable in Admin -> Settings (<see cref="SiteSettings.PublicUrl"/>); else the address
/// the server itself listens on. Never the Host header of a request, which any client chooses.
/// </summary>
public interface IPublicSiteAddress
{
    Task<PublicSiteAddress> GetAsync(CancellationToken cancellationToken);
}
