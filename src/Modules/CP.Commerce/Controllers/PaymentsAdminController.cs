using CP.Commerce.Payments;
using CP.Commerce.Settings;
using CP.Commerce.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Notifications;
using StoreSite.Settings;

namespace CP.Commerce.Controllers;

/// <summary>Admin -> Payments: choose the payment provider checkout charges with, or none (checkout closed).</summary>
[Route("admin/payments")]
public sealed class PaymentsAdminController(PaymentProviders providers, ISiteSettingsStore settings, INotifier notifier) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.ManagePayments))]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var commerce = await settings.GetAsync<CommerceSettings>(CommerceSettings.Section, cancellationToken);
        var chosen = providers.Find(commerce.PaymentProvider);
        return View(await PageAsync(new PaymentsViewModel { PaymentProvider = chosen?.Name }, commerce, cancellationToken));
    }

    [HttpPost("")]
    [Authorize(Policy = nameof(Permissions.ManagePayments))]
    public async Task<IActionResult> Index(PaymentsViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var commerce = await settings.GetAsync<CommerceSettings>(CommerceSettings.Section, cancellationToken);
        var name = model.PaymentProvider?.Trim();
        var provider = string.IsNullOrEmpty(name) ? null : providers.Find(name);
        if (!string.IsNullOrEmpty(name) && provider is null)
        {
            ModelState.AddModelError(nameof(model.PaymentProvider), "Choose one of the payment providers listed, or None.");
        }

        if (!ModelState.IsValid)
        {
            return View(await PageAsync(model, commerce, cancellationToken));
        }

        commerce.PaymentProvider = provider?.Name;
        await settings.SaveAsync(CommerceSettings.Section, commerce, cancellationToken);
        notifier.Success(provider is null
            ? "No payment provider is chosen: checkout is closed until you choose one."
            : $"Checkout now takes payments through {provider.DisplayName}.");
        return RedirectToAction(nameof(Index));
    }

    private async Task<PaymentsViewModel> PageAsync(PaymentsViewModel model, CommerceSettings commerce, CancellationToken cancellationToken)
    {
        model.Providers = providers.All.OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList();
        var onTestKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in model.Providers)
        {
            if (await provider.UsesTestKeysAsync(cancellationToken))
            {
                onTestKeys.Add(provider.Name);
            }
        }

        model.OnTestKeys = onTestKeys;
        model.UnavailableChoice = commerce.PaymentProvider is { } stored && providers.Find(stored) is null ? stored : null;
        return model;
    }
}
