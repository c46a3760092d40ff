using StoreSite.Data;
using CP.Commerce.Events;
using System.Security.Claims;
using CP.Commerce.Checkout;
using CP.Commerce.Data;
using CP.Commerce.Models;
using CP.Commerce.Orders;
using CP.Commerce.Payments;
using CP.Commerce.Services;
using CP.Commerce.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StoreSite;
using StoreSite.Notifications;
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
    PaymentProviders providers,
    OrderAdminSections sections,
    OrderSnapshots snapshots,
    INotifier notifier,
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

        var baseUrl = Url.Action(nameof(Index), new { q = query, status = filter?.ToString() })!;
        var (rows, paging) = await orders.OrderByDescending(o => o.Id).PageAsync(page, site.PageSize, baseUrl, cancellationToken);
        return View(new OrderListViewModel(rows, query, filter, paging));
    }

    [HttpGet("{number}", Name = CheckoutRouteNames.AdminOrder)]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public async Task<IActionResult> Show(string number, int? timeline, CancellationToken cancellationToken)
    {
        var order = await transitions.FindAsync(number, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var (entries, paging) = await db.OrderTimeline.AsNoTracking().Where(t => t.OrderId == order.Id).OrderBy(t => t.Id)
            .PageAsync(timeline, Math.Max(1, site.PageSize), Url.Action(nameof(Show), new { number = order.Number })!, cancellationToken);
        return View(new OrderAdminViewModel(order, entries, paging with { Parameter = OrderAdminViewModel.TimelineParameter, Anchor = "#timeline", Label = "Pages of the timeline" })
        {
            Sections = new OrderPageViewModel(order, await snapshots.TakeAsync(order, cancellationToken), sections.Enabled),
        });
    }

    [HttpGet("{number}/refund")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public Task<IActionResult> Refund(string number, CancellationToken cancellationToken) =>
        ConfirmationAsync(
            number,
            OrderRefunder.LineRefusalFor,
            OrderActionMessages.RefundRefused,
            order => View(new RefundViewModel { Order = order, Lines = [.. order.Lines.Where(l => l.RefundedAt is null).Select(l => l.LineNumber)] }),
            cancellationToken);

    [HttpPost("{number}/refund")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public Task<IActionResult> Refund(string number, RefundViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ActWithReasonAsync(
            number,
            OrderRefunder.LineRefusalFor,
            order =>
            {
                model.Order = order;
                return View(model);
            },
            order => refunder.RefundLinesAsync(order, model.Lines, model.Reason, Actor(), cancellationToken),
            OrderActionMessages.LinesRefunded,
            OrderActionMessages.RefundRefused,
            cancellationToken);
    }

    [HttpGet("{number}/cancel")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public Task<IActionResult> Cancel(string number, CancellationToken cancellationToken) =>
        ConfirmationAsync(number, OrderCanceller.RefusalFor, OrderActionMessages.CancelRefused, order => View(new CancelOrderViewModel { Order = order }), cancellationToken);

    [HttpPost("{number}/cancel")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public Task<IActionResult> Cancel(string number, CancelOrderViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ActWithReasonAsync(
            number,
            OrderCanceller.RefusalFor,
            order =>
            {
                model.Order = order;
                return View(model);
            },
            order => canceller.CancelAsync(order, model.Reason, Actor(), cancellationToken),
            OrderActionMessages.Cancelled,
            OrderActionMessages.CancelRefused,
            cancellationToken);
    }

    [HttpPost("{number}/finish-refund")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public async Task<IActionResult> FinishRefund(string number, CancellationToken cancellationToken)
    {
        var order = await transitions.FindAsync(number, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        Notify(await refunder.FinishRefundAsync(order, Actor(), cancellationToken), order, OrderActionMessages.Refunded, OrderActionMessages.RefundRefused);
        return ToOrder(order);
    }

    [HttpPost("{number}/finish-payment")]
    [Authorize(Policy = nameof(Permissions.ManageOrders))]
    public async Task<IActionResult> FinishPayment(string number, CancellationToken cancellationToken)
    {
        var order = await transitions.FindAsync(number, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (!OrderStatusChange.Pay.Allows(order))
        {
            notifier.Error("Only a pending order whose payment the provider confirmed can be completed.");
        }
        else if (await checkout.CompleteAsync(order.Id, Actor(), cancellationToken) is null)
        {
            notifier.Error("The order could not be completed; see its timeline for the reason.");
        }
        else
        {
            notifier.Success(OrderActionMessages.Paid(order));
        }

        return ToOrder(order);
    }

    /// <summary>The confirmation page of an action that needs a reason, or the order with the reason the action is refused.</summary>
    private async Task<IActionResult> ConfirmationAsync(
        string number, Func<Order, string?> refusalFor, Func<Outcome, Order, string, string> refusalText, Func<Order, IActionResult> page, CancellationToken cancellationToken)
    {
        var order = await transitions.FindAsync(number, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (refusalFor(order) is { } refusal)
        {
            notifier.Error(refusalText(Outcome.Refused(refusal), order, ProviderName(order)));
            return ToOrder(order);
        }

        return page(order);
    }

    /// <summary>
    /// Runs an action that needs a reason: the order's page with the refusal when the action does not
    /// apply to it; the confirmation page again while the form is invalid (or
    /// the service refuses the reason, next to the field), else the order's page with the outcome.
    /// </summary>
    private async Task<IActionResult> ActWithReasonAsync(
        string number,
        Func<Order, string?> refusalFor,
        Func<Order, IActionResult> page,
        Func<Order, Task<Outcome<Order>>> act,
        Func<Order, string> doneText,
        Func<Outcome, Order, string, string> refusalText,
        CancellationToken cancellationToken)
    {
        var order = await transitions.FindAsync(number, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (refusalFor(order) is { } refusal)
        {
            notifier.Error(refusalText(Outcome.Refused(refusal), order, ProviderName(order)));
            return ToOrder(order);
        }

        if (!ModelState.IsValid)
        {
            return page(order);
        }

        var outcome = await act(order);
        if (outcome.Field is { } field)
        {
            ModelState.AddModelError(field, refusalText(outcome.WithoutValue(), order, ProviderName(order)));
            return page(order);
        }

        Notify(outcome, order, doneText, refusalText);
        return ToOrder(order);
    }

    private void Notify(Outcome<Order> outcome, Order order, Func<Order, string> doneText, Func<Outcome, Order, string, string> refusalText)
    {
        if (outcome.Succeeded)
        {
            notifier.Success(doneText(outcome.Value!));
        }
        else
        {
            notifier.Error(refusalText(outcome.WithoutValue(), order, ProviderName(order)));
        }
    }

    private RedirectToActionResult ToOrder(Order order) => RedirectToAction(nameof(Show), new { number = order.Number });

    private string ProviderName(Order order) => providers.Find(order.PaymentProvider)?.DisplayName ?? order.PaymentProvider ?? "The payment provider";

    private OrderActor Actor() => new(User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "admin");
}
