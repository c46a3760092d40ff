using System.Security.Claims;
using CP.Commerce.Cart;
using CP.Commerce.Upgrades;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Notifications;

namespace CP.Commerce.Controllers;

/// <summary>
/// "Upgrade" on the customer's key page: puts the upgrade of that key to the chosen plan in the cart,
/// asking licensing (<see cref="IUpgradeOffers"/>) whether and for how much, and goes to the cart. Another
/// customer's key is a 404; a plan that is not an upgrade of the key says so in the cart.
/// </summary>
[Route("account/licenses")]
public sealed class UpgradesController(CartStore carts, CartPricer pricer, INotifier notifier) : Controller
{
    [HttpPost("{id:int}/upgrade", Name = UpgradeRouteNames.Upgrade)]
    [Authorize(Policy = nameof(Permissions.ViewOwnOrders))]
    public async Task<IActionResult> Upgrade(int id, [FromForm] string? planId, CancellationToken cancellationToken)
    {
        // A plan id that is not a positive number is no plan of this key: the offer below refuses it.
        var plan = int.TryParse(planId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var offer = await pricer.UpgradeOfferAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), id, plan, cancellationToken);
        if (offer.Problem == UpgradeProblems.NotFound)
        {
            return NotFound();
        }

        if (!offer.Succeeded)
        {
            notifier.Error(CartMessages.UpgradeRefused(offer.Problem));
            return RedirectToAction(nameof(CartController.Index), "Cart");
        }

        var cart = carts.Read(HttpContext);
        if (cart.AddUpgrade(id, offer.Value!.PlanId) is { Succeeded: false } refused)
        {
            notifier.Error(CartMessages.Refused(refused));
            return RedirectToAction(nameof(CartController.Index), "Cart");
        }

        carts.Write(HttpContext, cart);
        notifier.Success(CartMessages.Upgrade(offer.Value.MaskedKey, offer.Value.PlanName));
        return RedirectToAction(nameof(CartController.Index), "Cart");
    }
}
