using System.Security.Claims;
using CP.Commerce.Cart;
using CP.Commerce.Renewals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Notifications;

namespace CP.Commerce.Controllers;

/// <summary>
/// "Renew" on the customer's key (Account -> Licenses, the key's page): puts the renewal of that key in
/// the cart, asking licensing (<see cref="IRenewalOffers"/>) whether and for how much, and goes to the
/// cart. Another customer's key is a 404. A reminder mail's link does the same by a GET that carries
/// a token only the store makes (<see cref="RenewalLinks"/>); without it the GET is a 404.
/// </summary>
[Route("account/licenses")]
public sealed class RenewalsController(CartStore carts, CartPricer pricer, RenewalLinks links, INotifier notifier) : Controller
{
    [HttpPost("{id:int}/renew", Name = RenewalRouteNames.Renew)]
    [Authorize(Policy = nameof(Permissions.ViewOwnOrders))]
    public Task<IActionResult> Renew(int id, CancellationToken cancellationToken) => AddAsync(id, cancellationToken);

    [HttpGet("{id:int}/renew", Name = RenewalRouteNames.RenewLink)]
    [Authorize(Policy = nameof(Permissions.ViewOwnOrders))]
    public Task<IActionResult> RenewFromLink(int id, string? token, CancellationToken cancellationToken) =>
        links.Accepts(id, token) ? AddAsync(id, cancellationToken) : Task.FromResult<IActionResult>(NotFound());

    private async Task<IActionResult> AddAsync(int id, CancellationToken cancellationToken)
    {
        var offer = await pricer.OfferAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), id, cancellationToken);
        if (offer.Problem == RenewalProblems.NotFound)
        {
            return NotFound();
        }

        if (!offer.Succeeded)
        {
            notifier.Error(CartMessages.RenewalRefused(offer.Problem));
            return RedirectToAction(nameof(CartController.Index), "Cart");
        }

        var cart = carts.Read(HttpContext);
        if (cart.AddRenewal(id, offer.Value!.PlanId) is { Succeeded: false } refused)
        {
            notifier.Error(CartMessages.Refused(refused));
            return RedirectToAction(nameof(CartController.Index), "Cart");
        }

        carts.Write(HttpContext, cart);
        notifier.Success(CartMessages.Renewal(offer.Value.MaskedKey));
        return RedirectToAction(nameof(CartController.Index), "Cart");
    }
}
