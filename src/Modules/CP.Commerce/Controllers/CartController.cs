using System.Security.Claims;
using CP.Commerce.Cart;
using CP.Commerce.Data;
using CP.Commerce.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StoreSite;
using StoreSite.Notifications;

namespace CP.Commerce.Controllers;

/// <summary>The cart: add a plan, change a quantity, remove a line, enter or remove a discount code. Prices are never posted; they come from the database.</summary>
[AllowAnonymous]
[Route("cart")]
public sealed class CartController(CartStore carts, CartPricer pricer, CommerceDbContext db, INotifier notifier) : Controller
{
    /// <summary>The discount code's form field, where a refused code's reason shows.</summary>
    public const string CodeField = "Code";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await pricer.PriceAsync(carts.Read(HttpContext), User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken));

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
            return Fail(Outcome.Refused(CartProblems.PlanUnavailable, nameof(CartLineInputModel.PlanId)));
        }

        var cart = carts.Read(HttpContext);
        if (cart.Add(input.PlanId, input.Quantity) is { Succeeded: false } refused)
        {
            return Fail(refused);
        }

        carts.Write(HttpContext, cart);
        notifier.Success(CartMessages.Added(plan.ProductName, plan.Name));
        return RedirectToAction(nameof(Index));
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
        if (cart.SetQuantity(input.PlanId, input.Quantity) is { Succeeded: false } refused)
        {
            return Fail(refused);
        }

        carts.Write(HttpContext, cart);
        notifier.Success(CartMessages.Updated);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("remove")]
    public IActionResult Remove(int planId, int? licenseId)
    {
        var cart = carts.Read(HttpContext);
        if (licenseId is { } renewal ? cart.RemoveRenewal(renewal) : cart.Remove(planId))
        {
            carts.Write(HttpContext, cart);
            notifier.Success(CartMessages.Removed);
        }

        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// Keeps the typed discount code with the cart when it takes something off it now; else shows the cart
    /// again with why not next to the code's field (a cart with nothing in it has no field: a notice says so).
    /// </summary>
    [HttpPost("discount")]
    public async Task<IActionResult> ApplyDiscount(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return await CodeRefusedAsync(DiscountMessages.EnterCode, cancellationToken);
        }

        var cart = carts.Read(HttpContext);
        var tried = new ShoppingCart(cart.Items, code);
        if (tried.DiscountCode is null)
        {
            return await CodeRefusedAsync(DiscountMessages.Refused(CP.Commerce.Discounts.DiscountProblems.Unknown), cancellationToken);
        }

        var priced = await pricer.PriceAsync(tried, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (priced.IsEmpty)
        {
            notifier.Error(DiscountMessages.CartEmpty);
            return RedirectToAction(nameof(Index));
        }

        if (priced.DiscountRefusal is { } refusal)
        {
            return await CodeRefusedAsync(DiscountMessages.Refused(refusal), cancellationToken);
        }

        carts.Write(HttpContext, tried);
        notifier.Success(DiscountMessages.Applied(tried.DiscountCode));
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("discount/remove")]
    public IActionResult RemoveDiscount()
    {
        var cart = carts.Read(HttpContext);
        if (cart.DiscountCode is not null)
        {
            cart.UseDiscountCode(null);
            carts.Write(HttpContext, cart);
            notifier.Success(DiscountMessages.Removed);
        }

        return RedirectToAction(nameof(Index));
    }

    /// <summary>The cart as it is (the refused code not kept), with <paramref name="message"/> next to the code's field.</summary>
    private async Task<IActionResult> CodeRefusedAsync(string message, CancellationToken cancellationToken)
    {
        var priced = await pricer.PriceAsync(carts.Read(HttpContext), User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (priced.IsEmpty)
        {
            notifier.Error(DiscountMessages.CartEmpty);
            return RedirectToAction(nameof(Index));
        }

        ModelState.AddModelError(CodeField, message);
        return View(nameof(Index), priced);
    }

    private RedirectToActionResult Fail(Outcome refused)
    {
        notifier.Error(CartMessages.Refused(refused));
        return RedirectToAction(nameof(Index));
    }

    private Outcome FirstError() =>
        ModelState.TryGetValue(nameof(CartLineInputModel.PlanId), out var plan) && plan.Errors.Count > 0
            ? Outcome.Refused(CartProblems.PlanUnavailable, nameof(CartLineInputModel.PlanId))
            : Outcome.Refused(CartProblems.QuantityOutOfRange, nameof(CartLineInputModel.Quantity));
}
