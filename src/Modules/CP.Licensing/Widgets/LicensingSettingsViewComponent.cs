using CP.Licensing.Settings;
using CP.Licensing.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CP.Licensing.Widgets;

/// <summary>
/// Renders the licensing settings for users with <see cref="Permissions.ManageLicenses"/> (nothing for
/// others): the development domains and sites per key, in a form of its own, and the response-signing
/// public key (never its private seed).
/// </summary>
public sealed class LicensingSettingsViewComponent(LicensingSettingsStore store, LicensingSettingsCache cache, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, nameof(Permissions.ManageLicenses))).Succeeded)
        {
            return Content(string.Empty);
        }

        var cancellationToken = HttpContext.RequestAborted;
        var policy = await cache.GetDevelopmentPolicyAsync(cancellationToken);
        var settings = await store.GetAsync(cancellationToken);
        var signer = await cache.GetResponseSigningKeyAsync(cancellationToken);
        return View(new LicensingSettingsViewModel
        {
            DevelopmentDomains = LicensingSettingsViewModel.Lines(policy.Domains.Patterns),
            MaxDevelopmentSites = settings.MaxDevelopmentSites.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RenewalReminderDays = LicensingSettingsViewModel.DaysText(settings.ReminderDays),
            PublicKey = signer.PublicKey,
        });
    }
}
