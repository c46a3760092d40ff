using CP.Commerce.Checkout;
using CP.Commerce.Events;
using CP.Commerce.Models;
using CP.Commerce.Orders;
using CP.Commerce.Services;
using Microsoft.Extensions.Logging;
using StoreSite;
using StoreSite.Data;

namespace CP.Commerce.Payments;

/// <summary>
/// What payment modules report after the checkout (<see cref="IPaymentConfirmations"/>), applied
/// through <see cref="OrderTransitions"/>: each report joins the caller's transaction, so the
/// module's record of the report and the order's change commit together. A report for an order
/// another provider charged is an unknown order.
/// </summary>
public sealed partial class PaymentConfirmations(
    OrderTransitions transitions,
    CheckoutProcessor checkout,
    OrderEmails emails,
    PaymentProviders providers,
    OrderEventPublisher events,
    OrderSnapshots snapshots,
    SiteDatabase database,
    ILogger<PaymentConfirmations> logger) : IPaymentConfirmations
{
    /// <summary>The reason of a refund a lost dispute makes.</summary>
    public const string DisputeLostReason = "Payment disputed";

    public async Task<Outcome> PaymentConfirmedAsync(string provider, string orderNumber, string reference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (await FindAsync(provider, orderNumber, cancellationToken) is not { } order)
        {
            return Outcome.Refused(PaymentReportProblems.UnknownOrder);
        }

        var actor = Actor(provider);
        if (order.Status != OrderStatus.Pending)
        {
            if (order.Status != OrderStatus.Paid)
            {
                // Money was taken for an order the store gave up on: the admin must give it back.
                await transitions.NoteAsync(order.Id, $"{actor.Name} confirmed payment {reference} of this {OrderStatusText.Of(order.Status)} order; refund it at {actor.Name} if it should not stand.", actor, cancellationToken);
                LogPaidAfterEnd(order.Number, reference);
            }

            return Outcome.Refused(PaymentReportProblems.Unchanged);
        }

        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        if (!await transitions.RecordPaymentAsync(order.Id, reference, cancellationToken))
        {
            return Outcome.Refused(PaymentReportProblems.Unchanged);
        }

        await transitions.NoteAsync(order.Id, $"Payment {reference} of {Money.Format(order.Total, order.Currency)} confirmed by {actor.Name}.", actor, cancellationToken);
        if (await checkout.CompleteAsync(order.Id, actor, cancellationToken) is null)
        {
            return Outcome.Refused(PaymentReportProblems.StoreFailed);
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    public async Task<Outcome> PaymentFailedAsync(string provider, string orderNumber, string detail, CancellationToken cancellationToken)
    {
        if (await FindAsync(provider, orderNumber, cancellationToken) is not { } order)
        {
            return Outcome.Refused(PaymentReportProblems.UnknownOrder);
        }

        if (order.Status != OrderStatus.Pending || order.PaymentReference is not null)
        {
            return Outcome.Refused(PaymentReportProblems.Unchanged);
        }

        var actor = Actor(provider);
        return await transitions.MarkPaymentFailedAsync(order.Id, $"Payment not completed at {actor.Name}: {detail}", actor, cancellationToken) is null
            ? Outcome.Refused(PaymentReportProblems.Unchanged)
            : Outcome.Done;
    }

    public async Task<Outcome> RefundedAsync(string provider, string orderNumber, ProviderRefund refund, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (await FindAsync(provider, orderNumber, cancellationToken) is not { } order)
        {
            return Outcome.Refused(PaymentReportProblems.UnknownOrder);
        }

        var actor = Actor(provider);
        var note = $"{actor.Name} refunded {Money.Format(refund.AmountRefunded, order.Currency)} of {Money.Format(order.Total, order.Currency)} ({refund.Reference}).";
        // The store's own line refunds come back as reports too: nothing beyond what the store refunded is news.
        var storeRefunded = order.Lines.Sum(l => l.RefundedAmount ?? 0);
        if (order.Status == OrderStatus.PartiallyRefunded && refund.AmountRefunded <= storeRefunded)
        {
            return Outcome.Refused(PaymentReportProblems.Unchanged);
        }

        return (order.Status, refund.IsFull) switch
        {
            (OrderStatus.PartiallyRefunded, true) => await RefundOrderAsync(order, reason, note, actor, cancellationToken),
            (OrderStatus.Pending, _) => Outcome.Refused(PaymentReportProblems.NotPaidYet),
            (OrderStatus.Paid, true) => await RefundOrderAsync(order, reason, note, actor, cancellationToken),
            (OrderStatus.RefundPending, true) => await FinishRefundAsync(order, order.RefundReason ?? reason, actor, cancellationToken),
            (OrderStatus.Paid or OrderStatus.PartiallyRefunded, false) => await transitions.RecordProviderReportAsync(order.Id, $"{note} A partial refund made outside the store: the order stays Paid and its keys active; decide whether to refund the rest.", needsAttention: true, actor, cancellationToken)
                ? Outcome.Done
                : Outcome.Refused(PaymentReportProblems.Unchanged),
            _ => Outcome.Refused(PaymentReportProblems.Unchanged),
        };
    }

    public async Task<Outcome> DisputeOpenedAsync(string provider, string orderNumber, string? reason, CancellationToken cancellationToken)
    {
        if (await FindAsync(provider, orderNumber, cancellationToken) is not { } order)
        {
            return Outcome.Refused(PaymentReportProblems.UnknownOrder);
        }

        if (order.Status == OrderStatus.Pending)
        {
            return Outcome.Refused(PaymentReportProblems.NotPaidYet);
        }

        var actor = Actor(provider);
        var note = $"The customer disputed the payment at {actor.Name}{(string.IsNullOrWhiteSpace(reason) ? string.Empty : $" (reason: {reason})")}. Answer the dispute at {actor.Name}; if it is lost the order is refunded and its keys revoked.";
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        if (order.Status == OrderStatus.Paid)
        {
            if (!await transitions.RecordProviderReportAsync(order.Id, note, needsAttention: true, actor, cancellationToken))
            {
                return Outcome.Refused(PaymentReportProblems.Unchanged);
            }

            await PublishAsync(order, actor, reason, (handler, context) => handler.OrderDisputeOpenedAsync(context, cancellationToken), nameof(IOrderEvents.OrderDisputeOpenedAsync), cancellationToken);
        }
        else
        {
            await transitions.NoteAsync(order.Id, note, actor, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    public async Task<Outcome> DisputeClosedAsync(string provider, string orderNumber, bool won, CancellationToken cancellationToken)
    {
        if (await FindAsync(provider, orderNumber, cancellationToken) is not { } order)
        {
            return Outcome.Refused(PaymentReportProblems.UnknownOrder);
        }

        var actor = Actor(provider);
        if (order.Status == OrderStatus.Pending)
        {
            return Outcome.Refused(PaymentReportProblems.NotPaidYet);
        }

        if (won)
        {
            const string Won = "The dispute was closed in the store's favour; the payment stands.";
            await using var transaction = await database.BeginTransactionAsync(cancellationToken);
            if (order.Status == OrderStatus.Paid)
            {
                await transitions.RecordProviderReportAsync(order.Id, Won, needsAttention: false, actor, cancellationToken);
                await PublishAsync(order, actor, null, (handler, context) => handler.OrderDisputeClosedAsync(context, won: true, cancellationToken), nameof(IOrderEvents.OrderDisputeClosedAsync), cancellationToken);
            }
            else
            {
                await transitions.NoteAsync(order.Id, Won, actor, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return Outcome.Done;
        }

        // Lost: the money went back to the customer; the handlers hear the dispute's end, then the refund (keys revoked).
        if (order.Status == OrderStatus.Paid)
        {
            await using var transaction = await database.BeginTransactionAsync(cancellationToken);
            await PublishAsync(order, actor, DisputeLostReason, (handler, context) => handler.OrderDisputeClosedAsync(context, won: false, cancellationToken), nameof(IOrderEvents.OrderDisputeClosedAsync), cancellationToken);
            var refunded = await RefundOrderAsync(order, DisputeLostReason, $"The dispute was lost at {actor.Name}: the payment went back to the customer.", actor, cancellationToken);
            if (refunded.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return refunded;
        }

        return order.Status == OrderStatus.RefundPending
            ? await FinishRefundAsync(order, order.RefundReason ?? DisputeLostReason, actor, cancellationToken)
            : Outcome.Refused(PaymentReportProblems.Unchanged);
    }

    /// <summary>Tells the enabled <see cref="IOrderEvents"/> handlers about the paid order (in the caller's transaction).</summary>
    private async Task PublishAsync(Order order, OrderActor actor, string? reason, Func<IOrderEvents, OrderEventContext, Task> publish, string eventName, CancellationToken cancellationToken)
    {
        var context = new OrderEventContext(await snapshots.TakeAsync(order, cancellationToken), actor, reason);
        await events.PublishAsync(handler => publish(handler, context), eventName);
    }

    /// <summary>Paid -> RefundPending -> Refunded (keys revoked by the handlers) in the caller's transaction, then the customer's notice.</summary>
    private async Task<Outcome> RefundOrderAsync(Order order, string reason, string note, OrderActor actor, CancellationToken cancellationToken)
    {
        Order? refunded;
        await using (var transaction = await database.BeginTransactionAsync(cancellationToken))
        {
            if (await transitions.MarkRefundPendingAsync(order.Id, reason, note, actor, cancellationToken) is null)
            {
                return Outcome.Refused(PaymentReportProblems.Unchanged);
            }

            refunded = await transitions.MarkRefundedAsync(order.Id, reason, actor, cancellationToken);
            if (refunded is null)
            {
                return Outcome.Refused(PaymentReportProblems.StoreFailed);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await emails.SendRefundNoticeAsync(refunded, cancellationToken);
        return Outcome.Done;
    }

    private async Task<Outcome> FinishRefundAsync(Order order, string reason, OrderActor actor, CancellationToken cancellationToken)
    {
        var refunded = await transitions.MarkRefundedAsync(order.Id, reason, actor, cancellationToken);
        if (refunded is null)
        {
            return Outcome.Refused(PaymentReportProblems.Unchanged);
        }

        await emails.SendRefundNoticeAsync(refunded, cancellationToken);
        return Outcome.Done;
    }

    /// <summary>The order, when it was charged through <paramref name="provider"/>.</summary>
    private async Task<Order?> FindAsync(string provider, string orderNumber, CancellationToken cancellationToken) =>
        await transitions.FindAsync(orderNumber, cancellationToken) is { } order && string.Equals(order.PaymentProvider, provider, StringComparison.OrdinalIgnoreCase)
            ? order
            : null;

    private OrderActor Actor(string provider) => new(null, providers.Find(provider)?.DisplayName ?? provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The payment provider confirmed payment {Reference} of order {OrderNumber}, which is no longer waiting for it")]
    private partial void LogPaidAfterEnd(string orderNumber, string reference);
}
