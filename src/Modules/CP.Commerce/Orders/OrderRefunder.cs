using CP.Commerce.Data;
using CP.Commerce.Events;
using CP.Commerce.Models;
using CP.Commerce.Payments;
using CP.Commerce.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StoreSite;

namespace CP.Commerce.Orders;

/// <summary>
/// Full refunds of Paid orders (docs/architecture.md, "Refund -> revocation"). In order: the refusal
/// rules (status, reason), the enabled modules asked up front (<see cref="IOrderEvents.CanRefundAsync"/>),
/// the provider's refund, then <see cref="OrderTransitions"/> marks the order RefundPending with the
/// record of that refund, and Refunded with the order's handlers (keys revoked) in one transaction.
/// If that last part fails the order stays RefundPending and <see cref="FinishRefundAsync"/>
/// completes it later without asking the provider again.
/// </summary>
public sealed class OrderRefunder(
    PaymentProviders providers,
    OrderTransitions transitions,
    OrderEventPublisher events,
    OrderSnapshots snapshots,
    OrderEmails emails,
    ILogger<OrderRefunder> logger)
{
    /// <summary>Refunds <paramref name="order"/> (loaded with its lines) in full.</summary>
    public async Task<Outcome<Order>> RefundAsync(Order order, string? reason, OrderActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(actor);
        if (RefusalFor(order) is { } refusal)
        {
            return Outcome.Refused(refusal);
        }

        if (OrderReasons.Problem(reason) is { } reasonProblem)
        {
            return Outcome.Refused(reasonProblem, field: OrderReasons.Field);
        }

        var why = reason!.Trim();
        var provider = providers.Find(order.PaymentProvider);
        if (provider is null || order.PaymentReference is null)
        {
            return Outcome.Refused(OrderProblems.ProviderUnavailable, detail: order.PaymentProvider);
        }

        if (await events.CanRefundAsync(await snapshots.TakeAsync(order, cancellationToken), cancellationToken) is { } moduleRefusal)
        {
            logger.LogWarning("Refund of order {OrderNumber} refused by module {Module}: {Reason}", order.Number, moduleRefusal.Module, moduleRefusal.Reason);
            return Outcome.Refused(OrderProblems.RefusedByModule, detail: moduleRefusal.Reason);
        }

        PaymentResult refund;
        try
        {
            refund = await provider.RefundAsync(new RefundRequest(order.Number, order.PaymentReference, order.Total, order.Currency, why), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whether the money went back is unknown; the provider refunds an order once, so asking again is safe.
            logger.LogError(ex, "Payment provider {Provider} failed to refund order {OrderNumber}", provider.Name, order.Number);
            await transitions.NoteAsync(order.Id, $"Refund failed: the payment provider could not be reached: {ex.Message}", actor, cancellationToken);
            return Outcome.Refused(OrderProblems.ProviderUnreachable, detail: ex.Message);
        }

        if (!refund.Succeeded)
        {
            await transitions.NoteAsync(order.Id, $"Refund refused by {provider.DisplayName}: {refund.Message}", actor, cancellationToken);
            return Outcome.Refused(OrderProblems.ProviderRefused, detail: refund.Message);
        }

        var note = $"{Money.Format(order.Total, order.Currency)} refunded by {provider.DisplayName} ({refund.Reference}).";
        if (await transitions.MarkRefundPendingAsync(order.Id, why, note, actor, cancellationToken) is null)
        {
            return Outcome.Refused(OrderProblems.Changed);
        }

        logger.LogInformation("Order {OrderNumber} refunded by {Provider}", order.Number, provider.Name);
        return await CompleteAsync(order, why, actor, cancellationToken);
    }

    /// <summary>Completes the store's part of a RefundPending order; the provider is not asked again.</summary>
    public Task<Outcome<Order>> FinishRefundAsync(Order order, OrderActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Status != OrderStatus.RefundPending
            ? Task.FromResult(Outcome<Order>.Refused(OrderProblems.NotRefundPending))
            : CompleteAsync(order, order.RefundReason ?? "(no reason recorded)", actor, cancellationToken);
    }

    /// <summary>Why an order cannot be refunded (an <see cref="OrderProblems"/> code), or null when it can (it is Paid).</summary>
    public static string? RefusalFor(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Status switch
        {
            OrderStatus.Paid => null,
            OrderStatus.Refunded => OrderProblems.AlreadyRefunded,
            OrderStatus.RefundPending => OrderProblems.RefundPending,
            _ => OrderProblems.NotPaid,
        };
    }

    private async Task<Outcome<Order>> CompleteAsync(Order order, string reason, OrderActor actor, CancellationToken cancellationToken)
    {
        Order? refunded;
        try
        {
            refunded = await transitions.MarkRefundedAsync(order.Id, reason, actor, cancellationToken);
        }
        catch (Exception ex) when (ex is OrderEventException or DbUpdateException or System.Data.Common.DbException)
        {
            logger.LogError(ex, "Order {OrderNumber} was refunded by the provider but the store could not finish the refund", order.Number);
            await transitions.NoteAsync(order.Id, $"Could not finish the refund: {ex.Message}", OrderActor.System, cancellationToken);
            return Outcome.Refused(OrderProblems.StoreFailedAfterRefund, detail: ex.Message);
        }

        if (refunded is null)
        {
            return Outcome.Refused(OrderProblems.NotRefundPending);
        }

        await emails.SendRefundNoticeAsync(refunded, cancellationToken);
        return Outcome<Order>.Done(refunded);
    }
}
