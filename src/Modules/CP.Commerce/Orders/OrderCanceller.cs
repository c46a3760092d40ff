using CP.Commerce.Events;
using CP.Commerce.Models;
using CP.Commerce.Payments;
using CP.Commerce.Services;
using Microsoft.Extensions.Logging;
using StoreSite;

namespace CP.Commerce.Orders;

/// <summary>
/// Cancels a Pending order whose payment was never confirmed (the provider could not be reached, or
/// the store stopped before recording its answer). The provider is asked first to void the order's
/// payment: if the charge went through after all, its reference is recorded and the order is not
/// cancelled (the admin finishes the payment, and may refund it); only a voided order becomes Cancelled.
/// </summary>
public sealed class OrderCanceller(
    PaymentProviders providers,
    OrderTransitions transitions,
    OrderEmails emails,
    ILogger<OrderCanceller> logger)
{
    /// <summary>Cancels <paramref name="order"/>; a refusal's <see cref="Outcome.Detail"/> carries the provider's words or the charge's reference.</summary>
    public async Task<Outcome<Order>> CancelAsync(Order order, string? reason, OrderActor actor, CancellationToken cancellationToken)
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
        if (provider is null)
        {
            return Outcome.Refused(OrderProblems.ProviderUnavailable, detail: order.PaymentProvider);
        }

        VoidResult result;
        try
        {
            result = await provider.VoidAsync(new VoidRequest(order.Number, why), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Payment provider {Provider} failed to void order {OrderNumber}", provider.Name, order.Number);
            await transitions.NoteAsync(order.Id, $"Cancelling failed: the payment provider could not be reached: {ex.Message}", actor, cancellationToken);
            return Outcome.Refused(OrderProblems.ProviderUnreachable, detail: ex.Message);
        }

        switch (result.Outcome)
        {
            case VoidOutcome.AlreadyCharged:
                await transitions.RecordPaymentAsync(order.Id, result.ChargeReference!, cancellationToken);
                await transitions.NoteAsync(order.Id, $"Not cancelled: {provider.DisplayName} reports payment {result.ChargeReference} of {Money.Format(order.Total, order.Currency)} for this order.", actor, cancellationToken);
                logger.LogWarning("Order {OrderNumber} was to be cancelled but {Provider} had charged it", order.Number, provider.Name);
                return Outcome.Refused(OrderProblems.ChargedAfterAll, detail: result.ChargeReference);
            case VoidOutcome.Refused:
                await transitions.NoteAsync(order.Id, $"Cancelling refused by {provider.DisplayName}: {result.Message}", actor, cancellationToken);
                return Outcome.Refused(OrderProblems.ProviderRefused, detail: result.Message);
        }

        var cancelled = await transitions.MarkCancelledAsync(order.Id, why, actor, cancellationToken);
        if (cancelled is null)
        {
            return Outcome.Refused(OrderProblems.Changed);
        }

        logger.LogInformation("Order {OrderNumber} cancelled", order.Number);
        await emails.SendCancellationNoticeAsync(cancelled, why, cancellationToken);
        return Outcome<Order>.Done(cancelled);
    }

    /// <summary>Why an order cannot be cancelled (an <see cref="OrderProblems"/> code), or null when it can (it is Pending without a confirmed payment).</summary>
    public static string? RefusalFor(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return OrderStatusChange.Cancel.Allows(order) ? null : order.Status switch
        {
            OrderStatus.Pending => OrderProblems.PaymentConfirmed,
            OrderStatus.Cancelled => OrderProblems.AlreadyCancelled,
            OrderStatus.Paid => OrderProblems.PaidNotCancellable,
            _ => OrderProblems.NotPending,
        };
    }
}
