using System.Security.Claims;
using CP.Commerce.Upgrades;
using CP.Licensing.Admin.Records;
using CP.Licensing.Customer;
using CP.Licensing.Lifecycle;
using CP.Licensing.Pages;
using CP.Licensing.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Data;
using StoreSite.Modules;
using StoreSite.Notifications;
using StoreSite.Settings;

namespace CP.Licensing.Controllers;

/// <summary>
/// Account -> Licenses: the signed-in customer's own keys that are not revoked, to copy; and each of
/// their keys on its own page (environments and history, each paged), where they deactivate an
/// environment within the key's allowance; other modules add their sections to the key's page
/// (<see cref="ILicensePageSection"/>: downloads lists the key's releases). Another customer's key or
/// environment is a 404.
/// </summary>
[Route("account/licenses")]
public sealed class AccountLicensesController(
    CustomerLicenseQuery licenses,
    CustomerLicenseDetailQuery keys,
    LicenseDeactivator deactivator,
    ReminderPreferences reminders,
    IUpgradeOffers upgrades,
    IEnumerable<ILicensePageSection> sections,
    IModuleState modules,
    ISiteSettingsStore settings,
    INotifier notifier,
    TimeProvider clock) : Controller
{
    [HttpGet("", Name = LicensingRoutes.CustomerLicenses)]
    [Authorize(Policy = nameof(Permissions.ViewOwnLicenses))]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        var customerId = CustomerId();
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var (rows, paging) = await licenses.Visible(customerId).PageAsync(page, Math.Max(1, site.PageSize), Url.Action(nameof(Index))!, cancellationToken);
        var development = await licenses.DevelopmentSitesAsync(customerId, [.. rows.Select(r => r.Id)], cancellationToken);
        return View(new CustomerLicensesViewModel(rows, paging, Today())
        {
            DevelopmentSites = development,
            WantsReminders = await reminders.WantsRemindersAsync(customerId, cancellationToken),
        });
    }

    /// <summary>Switches the customer's renewal reminders on or off.</summary>
    [HttpPost("reminders")]
    [Authorize(Policy = nameof(Permissions.ViewOwnLicenses))]
    public async Task<IActionResult> Reminders([FromForm] string? on, CancellationToken cancellationToken)
    {
        // The form's buttons post true or false; anything else is not a choice to guess at.
        if (!bool.TryParse(on, out var wantsReminders))
        {
            return BadRequest();
        }

        await reminders.SetAsync(CustomerId(), wantsReminders, cancellationToken);
        notifier.Success(wantsReminders ? LicenseActionMessages.RemindersOn : LicenseActionMessages.RemindersOff);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}", Name = LicensingRoutes.CustomerLicense)]
    [Authorize(Policy = nameof(Permissions.ViewOwnLicenses))]
    public async Task<IActionResult> Show(int id, int? environments, int? history, CancellationToken cancellationToken)
    {
        var key = await keys.FindAsync(CustomerId(), id, cancellationToken);
        if (key is null)
        {
            return NotFound();
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var lists = await keys.ListsAsync(id, new LicenseDetailPosition(environments, history), Math.Max(1, site.PageSize), ShowPath(id), cancellationToken);
        var offers = await upgrades.OffersAsync(CustomerId(), id, cancellationToken);
        return View(new CustomerLicenseViewModel(key, lists, Today())
        {
            Upgrades = offers.Value ?? [],
            Currency = site.Currency,
            Sections = [.. modules.OnlyEnabled(sections).Select(s => s.ViewComponent)],
        });
    }

    [HttpPost("{id:int}/deactivate")]
    [Authorize(Policy = nameof(Permissions.ViewOwnLicenses))]
    public async Task<IActionResult> Deactivate(int id, [FromForm] int environmentId, [FromQuery] int? environments, [FromQuery] int? history, CancellationToken cancellationToken)
    {
        var customerId = CustomerId();
        var result = await deactivator.DeactivateForCustomerAsync(customerId, id, environmentId, cancellationToken);
        if (result.Problem is LicenseProblems.NotFound or LicenseProblems.EnvironmentGone)
        {
            // Not their key, or not an environment of it (or one removed meanwhile): nothing to show.
            return NotFound();
        }

        if (result.Succeeded)
        {
            notifier.Success(LicenseActionMessages.CustomerDeactivated(result.Value!));
        }
        else
        {
            var key = await keys.FindAsync(customerId, id, cancellationToken);
            if (key is null)
            {
                return NotFound();
            }

            notifier.Error(LicenseActionMessages.CustomerDeactivationRefused(result.WithoutValue(), key.Allowance));
        }

        return Redirect(new LicenseDetailPosition(environments, history).WithQuery(ShowPath(id)));
    }

    private string CustomerId() => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The path of a key's page, from its route.</summary>
    private string ShowPath(int id) => Url.Action(nameof(Show), new { id })!;
}
