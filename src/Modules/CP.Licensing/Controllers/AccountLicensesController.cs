using System.Security.Claims;
using CP.Licensing.Customer;
using CP.Licensing.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Data;
using StoreSite.Settings;

namespace CP.Licensing.Controllers;

/// <summary>Account -> Licenses: the signed-in customer's own keys that are not revoked, to copy.</summary>
[Route("account/licenses")]
public sealed class AccountLicensesController(CustomerLicenseQuery licenses, ISiteSettingsStore settings, TimeProvider clock) : Controller
{
    [HttpGet("", Name = LicensingRoutes.CustomerLicenses)]
    [Authorize(Policy = nameof(Permissions.ViewOwnLicenses))]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        var customerId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var (rows, paging) = await licenses.Visible(customerId).PageAsync(page, Math.Max(1, site.PageSize), Url.Action(nameof(Index))!, cancellationToken);
        var development = await licenses.DevelopmentSitesAsync(customerId, [.. rows.Select(r => r.Id)], cancellationToken);
        return View(new CustomerLicensesViewModel(rows, paging, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) { DevelopmentSites = development });
    }
}
