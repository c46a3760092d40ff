using StoreSite.Data;
using System.Security.Claims;
using CP.Commerce.Cart;
using CP.Commerce.Checkout;
using CP.Commerce.Data;
using CP.Commerce.Events;
using CP.Commerce.Models;
using CP.Commerce.Orders;
using CP.Commerce.Payments;
using CP.Commerce.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StoreSite.Notifications;
using StoreSite.Security;
using StoreSite.Users;

namespace CP.Commerce.Controllers;

/// <summary>
/// Checkout for signed-in customers (anonymous visitors are sent to sign in or register and come
/// back here) and the confirmation page.
/// </summary>
[Route("checkout")]
public sealed class CheckoutController(
    CartStore carts,
    CartPricer pricer,
    PaymentProviders providers,
    CheckoutProcessor checkout,
    CommerceDbContext db,
    ConfirmationSections sections,
    IUserDirectory users,
    INotifier notifier) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.ViewOwnOrders))]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var cart = await pricer.PriceAsync(carts.Read(HttpContext), User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (cart.IsEmpty)
        {
            notifier.Error(CheckoutMessages.CartEmpty);
            return ToCart();
        }

        return await FormAsync(cart, cancellationToken);
    }

    [HttpPost("")]
    [Authorize(Policy = nameof(Permissions.ViewOwnOrders))]
    public async Task<IActionResult> Index(CheckoutInputModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var customer = await users.FindByIdAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, cancellationToken);
        if (customer is null)
        {
            return Challenge();
        }

        var cart = carts.Read(HttpContext);
        var result = await checkout.CheckoutAsync(
            new CheckoutRequest(customer.Id, customer.Email, ModelState.IsValid ? input.CheckoutKey ?? string.Empty : string.Empty, cart, input.SimulateDecline),
            cancellationToken);
        if (result.Succeeded)
        {
            carts.Clear(HttpContext);
            return ToDone(result.Value!);
        }

        switch (result.Problem)
        {
            case CheckoutProblems.AwaitingProvider:
                // The customer pays on the provider's page; the order page waits for its confirmation.
                carts.Clear(HttpContext);
                return Redirect(result.Detail!);
            case CheckoutProblems.NotCompleted:
            case CheckoutProblems.ProviderUnreachable:
                carts.Clear(HttpContext);
                notifier.Error(CheckoutMessages.Refused(result));
                return ToDone(result.Value!);
            case CheckoutProblems.Declined:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, CheckoutMessages.Refused(result));
                return await FormAsync(await pricer.PriceAsync(cart, customer.Id, cancellationToken), cancellationToken);
            default:
                notifier.Error(CheckoutMessages.Refused(result));
                return ToCart();
        }
    }

    [HttpGet("done/{number}", Name = CheckoutRouteNames.Done)]
    [Authorize(Policy = nameof(Permissions.ViewOwnOrders))]
    public async Task<IActionResult> Done(string number, CancellationToken cancellationToken)
    {
        var order = await OwnOrderAsync(number, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        ViewData[AwaitingConfirmationKey] = order.Status == OrderStatus.Pending
            && order.PaymentReference is null
            && providers.Find(order.PaymentProvider)?.ConfirmsLater == true;
        return View(await sections.PageAsync(order, cancellationToken));
    }

    /// <summary>
    /// Where a customer who left the provider's payment page without paying comes back (a provider's
    /// cancel address): the provider's page is closed if still open (so it cannot be paid later), the
    /// order stays unpaid, and the page offers to try again or go back to the cart. Only the order's
    /// owner sees it; anyone else gets 404.
    /// </summary>
    [HttpGet("cancelled/{number}", Name = CheckoutRouteNames.Cancelled)]
    [Authorize(Policy = nameof(Permissions.ViewOwnOrders))]
    public async Task<IActionResult> Cancelled(string number, CancellationToken cancellationToken)
    {
        var order = await OwnOrderAsync(number, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (order.Status != OrderStatus.Pending || order.PaymentReference is not null)
        {
            return ToDone(order);
        }

        if (providers.Find(order.PaymentProvider) is { ConfirmsLater: true } provider)
        {
            try
            {
                var closed = await provider.VoidAsync(new VoidRequest(order.Number, "The customer left the payment page."), cancellationToken);
                if (closed.Outcome == VoidOutcome.AlreadyCharged)
                {
                    // Paid after all: the done page waits for the provider's confirmation.
                    return ToDone(order);
                }
            }
            catch (HttpRequestException)
            {
                // The provider could not be reached: its page expires by itself, and the order is never marked paid from here.
            }
        }

        return View(order);
    }

    /// <summary>Puts the left order's plans back in the cart (plans already there keep their quantity), then to checkout or to the cart.</summary>
    [HttpPost("cancelled/{number}")]
    [Authorize(Policy = nameof(Permissions.ViewOwnOrders))]
    public async Task<IActionResult> Cancelled(string number, [FromForm] bool checkoutAgain, CancellationToken cancellationToken)
    {
        var order = await OwnOrderAsync(number, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        var cart = carts.Read(HttpContext);
        foreach (var line in order.Lines)
        {
            // A cart at its limits keeps what it holds.
            if (line.LicenseId is { } licenseId)
            {
                _ = line.Kind == OrderLineKind.Upgrade ? cart.AddUpgrade(licenseId, line.PlanId) : cart.AddRenewal(licenseId, line.PlanId);
            }
            else if (cart.Items.All(i => i.IsKeyLine || i.PlanId != line.PlanId))
            {
                cart.Add(line.PlanId, line.Quantity);
            }
        }

        carts.Write(HttpContext, cart);
        return checkoutAgain ? RedirectToAction(nameof(Index)) : ToCart();
    }

    /// <summary>The Done view's flag: the order waits for its provider to confirm the payment (the page refreshes itself).</summary>
    public const string AwaitingConfirmationKey = "AwaitingConfirmation";

    /// <summary>How often the waiting page refreshes itself, in seconds.</summary>
    public const int RefreshSeconds = 3;

    private RedirectToActionResult ToCart() => RedirectToAction(nameof(CartController.Index), "Cart");

    private RedirectToActionResult ToDone(Order order) => RedirectToAction(nameof(Done), new { number = order.Number });

    private async Task<IActionResult> FormAsync(PricedCart cart, CancellationToken cancellationToken)
    {
        var provider = await providers.GetActiveAsync(cancellationToken);
        // Only an administrator is told the provider runs on test keys (they set it up; a customer sees the provider's own test page).
        var onTestKeys = provider is not null && User.IsInRole(StandardRoles.Administrator) && await provider.UsesTestKeysAsync(cancellationToken);
        return View("Index", new CheckoutViewModel(cart, CheckoutProcessor.NewCheckoutKey(), provider?.DisplayName, provider?.IsTestMode == true, User.Identity?.Name ?? string.Empty, onTestKeys));
    }

    private Task<Order?> OwnOrderAsync(string number, CancellationToken cancellationToken)
    {
        var customerId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        return !OrderNumbers.IsPlausible(number) || customerId is null
            ? Task.FromResult<Order?>(null)
            : db.Orders.AsNoTracking()
                .Include(o => o.Lines.OrderBy(l => l.LineNumber))
                .AsSplitQuery()
                .FirstOrDefaultAsync(o => o.Number == number && o.CustomerId == customerId, cancellationToken);
    }
}
