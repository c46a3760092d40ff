using CP.Commerce.Cart;
using CP.Commerce.Data;
using CP.Commerce.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CP.Commerce.Controllers;

/// <summary>The cart: add a plan, change a quantity, remove a line. Prices are never posted; they come from the database.</summary>
[AllowAnonymous]
[Route("cart")]
public sealed class CartController(CartStore carts, CartPricer pricer, CommerceDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await pricer.PriceAsync(carts.Read(HttpContext), cancellationToken));

    [HttpPost("add")]
    public async Task<IActionResult> Add(CartLineInputModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            return Fail(FirstError());
        }

        var plan = await db.Plans.AsNoTracking()
            .Where(p => p.Id == input.PlanId && p.IsActive && p.Product!.IsActive && !p.Product.IsArchived)
            .Select(p => new { p.Name, ProductName = p.Product!.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Fail("That plan is not available.");
        }

        var cart = carts.Read(HttpContext);
        if (cart.Add(input.PlanId, input.Quantity) is { } problem)
        {
            return Fail(problem);
        }

        carts.Write(HttpContext, cart);
        TempData["Notice"] = $"Added {plan.ProductName} – {plan.Name} to your cart.";
        return Redirect("/cart");
    }

    [HttpPost("update")]
    public IActionResult Update(CartLineInputModel input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            return Fail(FirstError());
        }

        var cart = carts.Read(HttpContext);
        if (cart.SetQuantity(input.PlanId, input.Quantity) is { } problem)
        {
            return Fail(problem);
        }

        carts.Write(HttpContext, cart);
        TempData["Notice"] = "Your cart was updated.";
        return Redirect("/cart");
    }

    [HttpPost("remove")]
    public IActionResult Remove(int planId)
    {
        var cart = carts.Read(HttpContext);
        if (cart.Remove(planId))
        {
            carts.Write(HttpContext, cart);
            TempData["Notice"] = "The item was removed from your cart.";
        }

        return Redirect("/cart");
    }

    private RedirectResult Fail(string message)
    {
        TempData["Error"] = message;
        return Redirect("/cart");
    }

    private string FirstError() =>
        ModelState.TryGetValue(nameof(CartLineInputModel.PlanId), out var plan) && plan.Errors.Count > 0
            ? "That plan is not available."
            : ShoppingCart.QuantityProblem;
}
