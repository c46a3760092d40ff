using CP.Downloads.Links;
using CP.Downloads.Log;
using CP.Downloads.ViewModels;
using CP.Licensing.Grants;
using CP.Licensing.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CP.Downloads.Customer;

/// <summary>
/// The key page's Downloads section (invoked by CP.Licensing with <c>new { key }</c>): what this key gives of
/// its product now (<see cref="CustomerDownloadsQuery.ForLicenseAsync"/>, links issued for this key; none
/// for a revoked or suspended key) and the latest downloads made with it by its holder. Nothing for a user
/// without <see cref="Permissions.ViewOwnDownloads"/> or for a key that is not the customer's.
/// </summary>
public sealed class LicenseDownloadsViewComponent(
    IAuthorizationService authorization,
    IEnumerable<ILicenseGrants> licensing,
    CustomerDownloadsQuery downloads,
    DownloadLogQuery log,
    DownloadLinks links) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(LicensePageKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var aborted = HttpContext.RequestAborted;
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, nameof(Permissions.ViewOwnDownloads))).Succeeded
            || licensing.FirstOrDefault() is not { } licenses
            || await licenses.ForLicenseAsync(key.LicenseId, aborted) is not { } grant
            || !string.Equals(grant.CustomerId, key.CustomerId, StringComparison.Ordinal))
        {
            return Content(string.Empty);
        }

        var product = await downloads.ForLicenseAsync(grant, aborted);
        var (recent, total) = await log.RecentForLicenseAsync(grant.LicenseId, key.CustomerId, aborted);
        var view = product is null ? null : new ProductDownloadsView(product, links, key.CustomerId)
        {
            ShowsRenewForm = false,
            RenewLink = key.ShowsRenew ? "#" + LicensePageKey.RenewAnchor : null,
        };
        return View(new LicenseDownloadsViewModel(grant, view, recent, total));
    }
}
