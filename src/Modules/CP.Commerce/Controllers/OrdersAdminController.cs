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

/// <summary>Admin -> Orders: list with search and status filter, detail with its timeline (paged: <c>timeline=N</c>), refund, cancel of an unconfirmed payment.</summary>
[Route("admin/orders")]
public sealed class OrdersAdminController(
    CommerceDbContext db,
    OrderTransitions transitions,
    OrderRefunder refunder,
    OrderCanceller canceller,
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
    public async Task<IActionResult> Show(string number, int? timeline, CancellationToken cancellationToken)
    {
        var order = await FindAsync(number, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var (entries, paging) = await db.OrderTimeline.AsNoTracking().Where(t => t.OrderId == order.Id).OrderBy(t => t.Id)
            .PageAsync(timeline, Math.Max(1, site.PageSize), $"/admin/orders/{Uri.EscapeDataString(order.Number)}", cancellationToken);
        return View(new OrderAdminViewModel(order, entries, paging with { Parameter = OrderAdminViewModel.TimelineParameter, Anchor = "#timeline", Label = "Pages of the timeline" }));
    }

    [HttpGet("{number}/refund")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public Task<IActionResult> Refund(string number, CancellationToken cancellationToken) =>
        ConfirmationAsync(number, OrderRefunder.RefusalFor, order => View(new RefundViewModel { Order = order }), cancellationToken);

    [HttpPost("{number}/refund")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public Task<IActionResult> Refund(string number, RefundViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ActWithReasonAsync(
            number,
            model.Reason,
            OrderRefunder.RefusalFor,
            "Give the reason for the refund.",
            order =>
            {
                model.Order = order;
                return View(model);
            },
            (order, reason) => refunder.RefundAsync(order.Number, reason, Actor(), cancellationToken),
            cancellationToken);
    }

    [HttpGet("{number}/cancel")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public Task<IActionResult> Cancel(string number, CancellationToken cancellationToken) =>
        ConfirmationAsync(number, OrderCanceller.RefusalFor, order => View(new CancelOrderViewModel { Order = order }), cancellationToken);

    [HttpPost("{number}/cancel")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public Task<IActionResult> Cancel(string number, CancelOrderViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ActWithReasonAsync(
            number,
            model.Reason,
            OrderCanceller.RefusalFor,
            "Give the reason for cancelling the order.",
            order =>
            {
                model.Order = order;
                return View(model);
            },
            (order, reason) => canceller.CancelAsync(order.Number, reason, Actor(), cancellationToken),
            cancellationToken);
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

    /// <summary>The confirmation page of an action that needs a reason, or the order with the reason the action is refused.</summary>
    private Task<IActionResult> ConfirmationAsync(string number, Func<Order, string?> refusalFor, Func<Order, IActionResult> page, CancellationToken cancellationToken) =>
        WhenAllowedAsync(number, refusalFor, order => Task.FromResult(page(order)), cancellationToken);

    /// <summary>Runs an action that needs a reason: the confirmation page again while the form is invalid, else the order with the outcome.</summary>
    private Task<IActionResult> ActWithReasonAsync(
        string number,
        string? reason,
        Func<Order, string?> refusalFor,
        string missingReason,
        Func<Order, IActionResult> page,
        Func<Order, string, Task<OrderActionResult>> act,
        CancellationToken cancellationToken) =>
        WhenAllowedAsync(number, refusalFor, async order =>
        {
            if (!ModelState.IsValid || string.IsNullOrWhiteSpace(reason))
            {
                if (ModelState.IsValid)
                {
                    ModelState.AddModelError("Reason", missingReason);
                }

                return page(order);
            }

            var result = await act(order, reason);
            TempData[result.Succeeded ? "Notice" : "Error"] = result.Message;
            return Redirect($"/admin/orders/{order.Number}");
        }, cancellationToken);

    /// <summary>404 for an unknown order; the order's page with the refusal when the action does not apply to it; else <paramref name="next"/>.</summary>
    private async Task<IActionResult> WhenAllowedAsync(string number, Func<Order, string?> refusalFor, Func<Order, Task<IActionResult>> next, CancellationToken cancellationToken)
    {
        var order = await FindAsync(number, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (refusalFor(order) is { } refusal)
        {
            TempData["Error"] = refusal;
            return Redirect($"/admin/orders/{order.Number}");
        }

        return await next(order);
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
