using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Settings;
using StoreSite.Web.Recipes;
using StoreSite.Web.ViewModels;

namespace StoreSite.Web.Controllers;

/// <summary>Admin -> Settings: site name, time zone, page size, currency.</summary>
[Route("admin/settings")]
public sealed class SettingsAdminController(ISiteSettingsStore settings) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.ManageSettings))]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        return View(new SiteSettingsViewModel { SiteName = site.SiteName, TimeZone = site.TimeZone, PageSize = site.PageSize, Currency = site.Currency });
    }

    [HttpPost("")]
    [Authorize(Policy = nameof(Permissions.ManageSettings))]
    public async Task<IActionResult> Index(SiteSettingsViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (ModelState.IsValid)
        {
            if (SiteSettingsRules.SiteName(model.SiteName) is null)
            {
                ModelState.AddModelError(nameof(model.SiteName), SiteSettingsRules.SiteNameProblem);
            }

            if (SiteSettingsRules.TimeZone(model.TimeZone) is null)
            {
                ModelState.AddModelError(nameof(model.TimeZone), $"'{model.TimeZone}' is not a known time zone.");
            }

            if (SiteSettingsRules.Currency(model.Currency) is null)
            {
                ModelState.AddModelError(nameof(model.Currency), SiteSettingsRules.CurrencyProblem);
            }
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        site.SiteName = SiteSettingsRules.SiteName(model.SiteName)!;
        site.TimeZone = SiteSettingsRules.TimeZone(model.TimeZone)!;
        site.PageSize = model.PageSize;
        site.Currency = SiteSettingsRules.Currency(model.Currency)!;
        await settings.SaveAsync(SiteSettings.Section, site, cancellationToken);
        TempData["Notice"] = "Settings saved.";
        return RedirectToAction(nameof(Index));
    }
}
