using System.Security.Claims;
using CP.Commerce.Checkout;
using CP.Commerce.Data;
using CP.Commerce.Models;
using CP.Commerce.Orders;
using CP.Commerce.Services;
using CP.Commerce.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StoreSite.Settings;

namespace CP.Commerce.Controllers;

/// <summary>Admin -> Orders: list with search and status filter, detail with timeline, refund.</summary>
[Route("admin/orders")]
public sealed class OrdersAdminController(
    CommerceDbContext db,
    OrderTransitions transitions,
    OrderRefunder refunder,
    CheckoutProcessor checkout,
    ISiteSettingsStore settings) : Controller
{
    private const int MaxQueryLength = 256;

    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public async Task<IActionResult> Index(string? q, string? status, int? page, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var query = string.IsNullOrWhiteSpace(q) || q.Length > MaxQueryLength ? null : q.Trim();
        OrderStatus? filter = Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var orders = db.Orders.AsNoTracking();
        if (query is not null)
        {
            var upper = query.ToUpperInvariant();
            var lower = query.ToLowerInvariant();
            orders = orders.Where(o => o.Number.ToUpper().Contains(upper) || o.CustomerEmail.ToLower().Contains(lower));
        }

        if (filter is not null)
        {
            orders = orders.Where(o => o.Status == filter);
        }

        var baseUrl = "/admin/orders?q=" + Uri.EscapeDataString(query ?? string.Empty) + "&status=" + (filter?.ToString() ?? string.Empty);
        var (rows, paging) = await orders.OrderByDescending(o => o.Id).PageAsync(page, site.PageSize, baseUrl, cancellationToken);
        return View(new OrderListViewModel(rows, query, filter, paging));
    }

    [HttpGet("{number}")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public async Task<IActionResult> Show(string number, CancellationToken cancellationToken)
    {
        var order = await FindAsync(number, cancellationToken);
        return order is null ? NotFound() : View(order);
    }

    [HttpGet("{number}/refund")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public async Task<IActionResult> Refund(string number, CancellationToken cancellationToken)
    {
        var order = await FindAsync(number, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (OrderRefunder.RefusalFor(order) is { } refusal)
        {
            TempData["Error"] = refusal;
            return Redirect($"/admin/orders/{order.Number}");
        }

        return View(new RefundViewModel { Order = order });
    }

    [HttpPost("{number}/refund")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public async Task<IActionResult> Refund(string number, RefundViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var order = await FindAsync(number, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (OrderRefunder.RefusalFor(order) is { } refusal)
        {
            TempData["Error"] = refusal;
            return Redirect($"/admin/orders/{order.Number}");
        }

        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(model.Reason))
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(nameof(model.Reason), "Give the reason for the refund.");
            }

            model.Order = order;
            return View(model);
        }

        var result = await refunder.RefundAsync(order.Number, model.Reason, Actor(), cancellationToken);
        TempData[result.Succeeded ? "Notice" : "Error"] = result.Message;
        return Redirect($"/admin/orders/{order.Number}");
    }

    [HttpPost("{number}/finish-refund")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public async Task<IActionResult> FinishRefund(string number, CancellationToken cancellationToken)
    {
        var order = await FindAsync(number, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        var result = await refunder.FinishRefundAsync(order.Number, Actor(), cancellationToken);
        TempData[result.Succeeded ? "Notice" : "Error"] = result.Message;
        return Redirect($"/admin/orders/{order.Number}");
    }

    [HttpPost("{number}/finish-payment")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public async Task<IActionResult> FinishPayment(string number, CancellationToken cancellationToken)
    {
        var order = await FindAsync(number, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (order.Status != OrderStatus.Pending || order.PaymentReference is null)
        {
            TempData["Error"] = "Only a pending order whose payment the provider confirmed can be completed.";
        }
        else if (await checkout.CompleteAsync(order.Id, Actor(), cancellationToken) is null)
        {
            TempData["Error"] = "The order could not be completed; see its timeline for the reason.";
        }
        else
        {
            TempData["Notice"] = $"Order {order.Number} is now paid.";
        }

        return Redirect($"/admin/orders/{order.Number}");
    }

    private async Task<Order?> FindAsync(string number, CancellationToken cancellationToken)
    {
        if (!OrderNumbers.IsPlausible(number))
        {
            return null;
        }

        var id = await db.Orders.Where(o => o.Number == number).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await transitions.LoadAsync(id.Value, cancellationToken);
    }

    private OrderActor Actor() => new(User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "admin");
}
