using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Notifications;
using StoreSite.Settings;
using StoreSite.Web.Recipes;
using StoreSite.Web.ViewModels;

namespace StoreSite.Web.Controllers;

/// <summary>Admin -> Settings: site name, time zone, page size, currency, the public address links in mail start with.</summary>
[Route("admin/settings")]
public sealed class SettingsAdminController(ISiteSettingsStore settings, IPublicSiteAddress publicAddress, INotifier notifier) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.ManageSettings))]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var model = new SiteSettingsViewModel { SiteName = site.SiteName, TimeZone = site.TimeZone, PageSize = site.PageSize, Currency = site.Currency, PublicUrl = site.PublicUrl };
        return View(await FillAsync(model, cancellationToken));
    }

    [HttpPost("")]
    [Authorize(Policy = nameof(Permissions.ManageSettings))]
    public async Task<IActionResult> Index(SiteSettingsViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var address = await publicAddress.GetAsync(cancellationToken);
        if (address.Source == PublicSiteAddressSource.Configuration)
        {
            // The page shows no field then: whatever was posted under its name is not looked at.
            ModelState.Remove(nameof(model.PublicUrl));
        }

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

            if (address.Source != PublicSiteAddressSource.Configuration
                && !string.IsNullOrWhiteSpace(model.PublicUrl)
                && SiteSettingsRules.PublicUrl(model.PublicUrl) is null)
            {
                ModelState.AddModelError(nameof(model.PublicUrl), SiteSettingsRules.PublicUrlProblem);
            }
        }

        if (!ModelState.IsValid)
        {
            return View(await FillAsync(model, cancellationToken));
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        site.SiteName = SiteSettingsRules.SiteName(model.SiteName)!;
        site.TimeZone = SiteSettingsRules.TimeZone(model.TimeZone)!;
        site.PageSize = model.PageSize;
        site.Currency = SiteSettingsRules.Currency(model.Currency)!;
        if (address.Source != PublicSiteAddressSource.Configuration)
        {
            // Empty clears it: links in mail then use the server's own address, and this page says so.
            site.PublicUrl = SiteSettingsRules.PublicUrl(model.PublicUrl);
        }

        await settings.SaveAsync(SiteSettings.Section, site, cancellationToken);
        notifier.Success("Settings saved.");
        return RedirectToAction(nameof(Index));
    }

    /// <summary>What the page says about the public address: set by configuration, recorded, or not set (and what mails link to now).</summary>
    private async Task<SiteSettingsViewModel> FillAsync(SiteSettingsViewModel model, CancellationToken cancellationToken)
    {
        var address = await publicAddress.GetAsync(cancellationToken);
        model.ConfiguredPublicUrl = address.Source == PublicSiteAddressSource.Configuration ? address.BaseUrl.AbsoluteUri : null;
        model.ServerAddress = address.Source == PublicSiteAddressSource.Server ? address.BaseUrl.AbsoluteUri : null;
        return model;
    }
}
