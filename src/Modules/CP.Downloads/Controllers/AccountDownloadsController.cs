using System.Security.Claims;
using CP.Downloads.Customer;
using CP.Downloads.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Settings;

namespace CP.Downloads.Controllers;

/// <summary>Account -> Downloads: the products the signed-in customer is entitled to, with their releases, paged.</summary>
[Route("account/downloads")]
public sealed class AccountDownloadsController(CustomerDownloadsQuery downloads, ISiteSettingsStore settings, CP.Downloads.Links.DownloadLinks links) : Controller
{
    [HttpGet("", Name = DownloadsRoutes.CustomerDownloads)]
    [Authorize(Policy = nameof(Permissions.ViewOwnDownloads))]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        var customerId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var (products, paging) = await downloads.PageAsync(customerId, page, Math.Max(1, site.PageSize), Url.RouteUrl(DownloadsRoutes.CustomerDownloads)!, cancellationToken);
        return View(new CustomerDownloadsViewModel(products, paging, links, customerId));
    }
}
