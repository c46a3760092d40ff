using System.Globalization;
using CP.Licensing.Settings;
using CP.Licensing.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Notifications;

namespace CP.Licensing.Controllers;

/// <summary>
/// Saves the licensing section of Admin -> Settings (the development domains, the development
/// sites per key and the renewal reminder days), then back to the settings page, which shows the result as a notice.
/// </summary>
[Route("admin/licensing/settings")]
public sealed class LicensingSettingsAdminController(LicensingSettingsStore store, INotifier notifier) : Controller
{
    [HttpPost("")]
    [Authorize(Policy = nameof(Permissions.ManageLicenses))]
    public async Task<IActionResult> Save(LicensingSettingsViewModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var back = RedirectToAction("Index", "SettingsAdmin");
        if (input.DevelopmentDomains?.Length > LicensingSettingsViewModel.MaxDevelopmentDomainsLength)
        {
            notifier.Error(LicensingSettingsMessages.TooLong);
            return back;
        }

        if (!int.TryParse(input.MaxDevelopmentSites, NumberStyles.None, CultureInfo.InvariantCulture, out var maxSites))
        {
            notifier.Error(LicensingSettingsMessages.NotANumber);
            return back;
        }

        IReadOnlyList<int>? reminderDays = null;
        if (input.RenewalReminderDays is { } daysText)
        {
            reminderDays = daysText.Length <= LicensingSettingsViewModel.MaxRenewalReminderDaysLength ? LicensingSettingsViewModel.ReminderDays(daysText) : null;
            if (reminderDays is null)
            {
                notifier.Error(LicensingSettingsMessages.ReminderDaysInvalid);
                return back;
            }

            if (LicensingSettingsStore.ReminderDaysProblem(reminderDays) is { } daysProblem)
            {
                notifier.Error(LicensingSettingsMessages.Refused("renewalReminderDays", daysProblem));
                return back;
            }
        }

        var problem = await store.ChangeDevelopmentAsync(LicensingSettingsViewModel.Patterns(input.DevelopmentDomains), maxSites, cancellationToken);
        if (problem is null && reminderDays is not null)
        {
            problem = await store.ChangeRemindersAsync(reminderDays, cancellationToken);
        }

        if (problem is { } refused)
        {
            notifier.Error(LicensingSettingsMessages.Refused(refused.Field, refused.Problem));
        }
        else
        {
            notifier.Success(LicensingSettingsMessages.Saved);
        }

        return back;
    }
}
