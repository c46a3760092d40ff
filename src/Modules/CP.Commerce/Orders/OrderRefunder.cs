using CP.Commerce.Data;
using CP.Commerce.Models;
using CP.Commerce.Payments;
using CP.Commerce.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StoreSite.Data;

namespace CP.Commerce.Orders;

/// <summary>
/// Full refunds of Paid orders. In order: a rehearsal of the store's part (status, timeline and the
/// <c>OrderRefundedAsync</c> handlers in a transaction that is rolled back: a handler that refuses
/// leaves the order Paid and no money moves), the provider's refund, the order marked RefundPending
/// with a timeline note of that refund in one write, then the store's part for real. If that last part fails the order stays
/// RefundPending and <see cref="FinishRefundAsync"/> completes it later without asking the provider again.
/// </summary>
public sealed class OrderRefunder(
    CommerceDbContext db,
    SiteDatabase database,
    PaymentProviders providers,
    OrderTransitions transitions,
    OrderEmails emails,
    ILogger<OrderRefunder> logger)
{
    public async Task<OrderActionResult> RefundAsync(string number, string reason, OrderActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (order, trimmed, refusal) = await transitions.FindActionableAsync(number, RefusalFor, reason, "Give the reason for the refund.", cancellationToken);
        if (order is null)
        {
            return OrderActionResult.Refused(refusal!);
        }

        reason = trimmed;
        var provider = providers.Find(order.PaymentProvider);
        if (provider is null || order.PaymentReference is null)
        {
            return OrderActionResult.Refused($"The payment provider '{order.PaymentProvider}' that took this payment is not available, so the order cannot be refunded here.");
        }

        try
        {
            if (await transitions.MarkRefundedAsync(order.Id, OrderStatus.Paid, reason, actor, commit: false, cancellationToken) is null)
            {
                return OrderActionResult.Refused("The order changed meanwhile; reload it and try again.");
            }
        }
        catch (OrderEventException ex)
        {
            logger.LogWarning(ex, "Refund of order {OrderNumber} refused by an order event handler", order.Number);
            return OrderActionResult.Refused($"The refund was not made: {ex.Message}. No money was refunded and the order is still Paid.");
        }

        PaymentResult refund;
        try
        {
            refund = await provider.RefundAsync(new RefundRequest(order.Number, order.PaymentReference, order.Total, order.Currency, reason), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whether the money went back is unknown; the provider refunds an order once, so asking again is safe.
            logger.LogError(ex, "Payment provider {Provider} failed to refund order {OrderNumber}", provider.Name, order.Number);
            await transitions.NoteAsync(order.Id, $"Refund failed: the payment provider could not be reached: {ex.Message}", actor, cancellationToken);
            return OrderActionResult.Refused($"{provider.DisplayName} could not be reached: {ex.Message} The order is still Paid; refunding it again is safe, the provider refunds an order only once.");
        }

        if (!refund.Succeeded)
        {
            await transitions.NoteAsync(order.Id, $"Refund refused by {provider.DisplayName}: {refund.Message}", actor, cancellationToken);
            return OrderActionResult.Refused($"{provider.DisplayName} refused the refund: {refund.Message} The order is still Paid.");
        }

        // RefundPending and the record of the provider's refund commit together: after a crash here
        // the order either is still Paid or says that (and how) the money went back.
        await using (var transaction = await database.BeginTransactionAsync(cancellationToken))
        {
            var pending = await db.Orders.Where(o => o.Id == order.Id && o.Status == OrderStatus.Paid)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.RefundPending).SetProperty(o => o.RefundReason, reason), cancellationToken);
            if (pending == 0)
            {
                return OrderActionResult.Refused("This order is already being refunded.");
            }

            await transitions.NoteAsync(order.Id, $"{Money.Format(order.Total, order.Currency)} refunded by {provider.DisplayName} ({refund.Reference}).", actor, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Order {OrderNumber} refunded by {Provider}", order.Number, provider.Name);
        return await CompleteAsync(order.Id, order.Number, reason, actor, cancellationToken);
    }

    /// <summary>Completes the store's part of a RefundPending order; the provider is not asked again.</summary>
    public async Task<OrderActionResult> FinishRefundAsync(string number, OrderActor actor, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Number == number, cancellationToken);
        if (order is null)
        {
            return OrderActionResult.Refused($"There is no order {number}.");
        }

        if (order.Status != OrderStatus.RefundPending)
        {
            return OrderActionResult.Refused($"Only an order whose refund is pending can be finished; this order is {OrderStatusText.Of(order.Status)}.");
        }

        return await CompleteAsync(order.Id, order.Number, order.RefundReason ?? "(no reason recorded)", actor, cancellationToken);
    }

    /// <summary>Why an order cannot be refunded, or null when it can (it is Paid).</summary>
    public static string? RefusalFor(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Status switch
        {
            OrderStatus.Paid => null,
            OrderStatus.Refunded => "This order has already been refunded.",
            OrderStatus.RefundPending => "The money of this order has already been refunded; use Finish refund to complete the refund in the store.",
            _ => $"Only paid orders can be refunded; this order is {OrderStatusText.Of(order.Status)}.",
        };
    }

    private async Task<OrderActionResult> CompleteAsync(int orderId, string number, string reason, OrderActor actor, CancellationToken cancellationToken)
    {
        Order? refunded;
        try
        {
            refunded = await transitions.MarkRefundedAsync(orderId, OrderStatus.RefundPending, reason, actor, commit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is OrderEventException or DbUpdateException or System.Data.Common.DbException)
        {
            logger.LogError(ex, "Order {OrderNumber} was refunded by the provider but the store could not finish the refund", number);
            await transitions.NoteAsync(orderId, $"Could not finish the refund: {ex.Message}", OrderActor.System, cancellationToken);
            return OrderActionResult.Refused($"The money was refunded, but the store could not finish the refund: {ex.Message}. The order is Refund pending; use Finish refund once the problem is fixed.");
        }

        if (refunded is null)
        {
            return OrderActionResult.Refused("This order is no longer waiting for its refund to finish.");
        }

        await emails.SendRefundNoticeAsync(refunded, cancellationToken);
        return OrderActionResult.Done($"Order {number} has been refunded.", refunded);
    }
}
