using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Notifications;
using StoreSite.Settings;
using StoreSite.Web.Recipes;
using StoreSite.Web.ViewModels;

namespace StoreSite.Web.Controllers;

/// <summary>
/// Admin -> Settings: site name, time zone, page size, currency, the public address links in mail start with.
/// Changing the currency of a store with orders or prices takes a second step: the page says what
/// changes (orders keep their currency, prices are not converted) and saves only when that is confirmed.
/// </summary>
[Route("admin/settings")]
public sealed class SettingsAdminController(ISiteSettingsStore settings, IPublicSiteAddress publicAddress, IEnumerable<ICurrencyUsage> currencyUsages, INotifier notifier) : Controller
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
                ModelState.AddModelError(nameof(model.TimeZone), SiteSettingsRules.TimeZoneProblem(model.TimeZone));
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
        var currency = SiteSettingsRules.Currency(model.Currency)!;
        if (!string.Equals(currency, site.Currency, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(model.ConfirmCurrency?.Trim(), currency, StringComparison.OrdinalIgnoreCase)
            && await CurrencyUsageAsync(cancellationToken) is { IsEmpty: false } usage)
        {
            ModelState.AddModelError(nameof(model.Currency), SiteSettingsMessages.ConfirmCurrency(site.Currency, currency));
            model.Currency = currency;
            model.CurrencyChange = new CurrencyChangeViewModel(site.Currency, currency, usage);
            return View(await FillAsync(model, cancellationToken));
        }

        site.SiteName = SiteSettingsRules.SiteName(model.SiteName)!;
        site.TimeZone = SiteSettingsRules.TimeZone(model.TimeZone)!;
        site.PageSize = model.PageSize;
        site.Currency = currency;
        if (address.Source != PublicSiteAddressSource.Configuration)
        {
            // Empty clears it: links in mail then use the server's own address, and this page says so.
            site.PublicUrl = SiteSettingsRules.PublicUrl(model.PublicUrl);
        }

        await settings.SaveAsync(SiteSettings.Section, site, cancellationToken);
        notifier.Success("Settings saved.");
        return RedirectToAction(nameof(Index));
    }

    /// <summary>What every module holds in the store's currency.</summary>
    private async Task<CurrencyUsage> CurrencyUsageAsync(CancellationToken cancellationToken)
    {
        var total = CurrencyUsage.None;
        foreach (var usage in currencyUsages)
        {
            total = total.Add(await usage.CountAsync(cancellationToken));
        }

        return total;
    }

    /// <summary>The lists to choose from, and what the page says about the public address: set by configuration, recorded, or not set (and what mails link to now).</summary>
    private async Task<SiteSettingsViewModel> FillAsync(SiteSettingsViewModel model, CancellationToken cancellationToken)
    {
        var address = await publicAddress.GetAsync(cancellationToken);
        model.ConfiguredPublicUrl = address.Source == PublicSiteAddressSource.Configuration ? address.BaseUrl.AbsoluteUri : null;
        model.ServerAddress = address.Source == PublicSiteAddressSource.Server ? address.BaseUrl.AbsoluteUri : null;
        model.TimeZones = SiteSettingsChoices.TimeZones(model.TimeZone);
        model.Currencies = SiteSettingsChoices.Currencies(model.Currency);
        return model;
    }
}
