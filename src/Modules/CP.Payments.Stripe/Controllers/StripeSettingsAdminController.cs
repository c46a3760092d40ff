using CP.Payments.Stripe.Services;
using CP.Payments.Stripe.Settings;
using CP.Payments.Stripe.ViewModels;
using CP.Payments.Stripe.Webhooks;
using CP.Commerce.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using StoreSite.Notifications;
using StoreSite.Settings;

namespace CP.Payments.Stripe.Controllers;

/// <summary>Admin -> Payments -> Stripe: the keys (secrets never shown back) and "Test connection".</summary>
[Route("admin/payments/stripe")]
public sealed class StripeSettingsAdminController(
    StripeSettingsStore settings,
    StripeConnectionTest connection,
    IPublicSiteAddress publicAddress,
    LinkGenerator links,
    INotifier notifier) : Controller
{
    /// <summary>The settings page's route name (Admin -> Payments links to it).</summary>
    public const string RouteName = "CP.Payments.Stripe.Settings";

    [HttpGet("", Name = RouteName)]
    [Authorize(Policy = CommercePermissionNames.ManagePayments)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(new StripeSettingsViewModel(), cancellationToken));

    [HttpPost("")]
    [Authorize(Policy = CommercePermissionNames.ManagePayments)]
    public async Task<IActionResult> Index(StripeSettingsViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var field in new[] { nameof(model.SecretKey), nameof(model.PublishableKey), nameof(model.WebhookSecret) })
        {
            if (ModelState[field]?.Errors.Count > 0)
            {
                ModelState[field]!.Errors.Clear();
                ModelState.AddModelError(field, StripeSettingsMessages.TooLong);
            }
        }

        if (ModelState.IsValid)
        {
            var change = new StripeSettingsChange(model.SecretKey, model.PublishableKey, model.WebhookSecret, model.ClearSecretKey, model.ClearWebhookSecret);
            var outcome = await settings.ChangeAsync(change, cancellationToken);
            if (outcome.Succeeded)
            {
                notifier.Success(StripeSettingsMessages.Saved);
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddModelError(outcome.Field ?? string.Empty, StripeSettingsMessages.Refused(outcome));
        }

        // The posted secrets are not shown back either.
        model.SecretKey = null;
        model.WebhookSecret = null;
        return View(await PageAsync(model, cancellationToken));
    }

    [HttpPost("test")]
    [Authorize(Policy = CommercePermissionNames.ManagePayments)]
    public async Task<IActionResult> TestConnection(CancellationToken cancellationToken)
    {
        var outcome = await connection.TestAsync(cancellationToken);
        if (outcome.Succeeded)
        {
            notifier.Success(StripeSettingsMessages.Connected(outcome.Value!));
        }
        else
        {
            notifier.Error(StripeSettingsMessages.Refused(outcome.WithoutValue()));
        }

        return RedirectToAction(nameof(Index));
    }

    private async Task<StripeSettingsViewModel> PageAsync(StripeSettingsViewModel model, CancellationToken cancellationToken)
    {
        var keys = await settings.GetKeysAsync(cancellationToken);
        model.SecretKeySource = keys.SecretKeySource;
        model.PublishableKeySource = keys.PublishableKeySource;
        model.WebhookSecretSource = keys.WebhookSecretSource;
        model.PublishableKeyInUse = keys.PublishableKey;
        model.IsTestMode = keys.IsTestMode;
        var address = await publicAddress.GetAsync(cancellationToken);
        var path = links.GetPathByName(StripeWebhookEndpoint.RouteName, values: null, pathBase: string.Empty);
        model.WebhookUrl = path is null ? null : address.Link(path).AbsoluteUri;
        return model;
    }
}
