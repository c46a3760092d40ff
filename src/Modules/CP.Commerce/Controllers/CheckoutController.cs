using StoreSite.Data;
using System.Security.Claims;
using CP.Commerce.Cart;
using CP.Commerce.Checkout;
using CP.Commerce.Data;
using CP.Commerce.Models;
using CP.Commerce.Orders;
using CP.Commerce.Payments;
using CP.Commerce.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StoreSite.Notifications;
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
        var cart = await pricer.PriceAsync(carts.Read(HttpContext), cancellationToken);
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
            case CheckoutProblems.NotCompleted:
            case CheckoutProblems.ProviderUnreachable:
                carts.Clear(HttpContext);
                notifier.Error(CheckoutMessages.Refused(result));
                return ToDone(result.Value!);
            case CheckoutProblems.Declined:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, CheckoutMessages.Refused(result));
                return await FormAsync(await pricer.PriceAsync(cart, cancellationToken), cancellationToken);
            default:
                notifier.Error(CheckoutMessages.Refused(result));
                return ToCart();
        }
    }

    [HttpGet("done/{number}")]
    [Authorize(Policy = nameof(Permissions.ViewOwnOrders))]
    public async Task<IActionResult> Done(string number, CancellationToken cancellationToken)
    {
        var order = await OwnOrderAsync(number, cancellationToken);
        return order is null ? NotFound() : View(await sections.PageAsync(order, cancellationToken));
    }

    private RedirectToActionResult ToCart() => RedirectToAction(nameof(CartController.Index), "Cart");

    private RedirectToActionResult ToDone(Order order) => RedirectToAction(nameof(Done), new { number = order.Number });

    private async Task<IActionResult> FormAsync(PricedCart cart, CancellationToken cancellationToken)
    {
        var provider = await providers.GetActiveAsync(cancellationToken);
        return View("Index", new CheckoutViewModel(cart, CheckoutProcessor.NewCheckoutKey(), provider?.DisplayName, provider?.IsTestMode == true, User.Identity?.Name ?? string.Empty));
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
