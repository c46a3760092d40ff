using CP.Commerce.Models;
using CP.Commerce.Payments;
using CP.Commerce.Services;
using Microsoft.Extensions.Logging;

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
    public async Task<OrderActionResult> CancelAsync(string number, string reason, OrderActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (order, trimmed, refusal) = await transitions.FindActionableAsync(number, RefusalFor, reason, "Give the reason for cancelling the order.", cancellationToken);
        if (order is null)
        {
            return OrderActionResult.Refused(refusal!);
        }

        reason = trimmed;
        var provider = providers.Find(order.PaymentProvider);
        if (provider is null)
        {
            return OrderActionResult.Refused($"The payment provider '{order.PaymentProvider}' of this order is not available, so the store cannot make sure the order was not charged. The order is still Pending.");
        }

        VoidResult result;
        try
        {
            result = await provider.VoidAsync(new VoidRequest(order.Number, reason), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Payment provider {Provider} failed to void order {OrderNumber}", provider.Name, order.Number);
            await transitions.NoteAsync(order.Id, $"Cancelling failed: the payment provider could not be reached: {ex.Message}", actor, cancellationToken);
            return OrderActionResult.Refused($"{provider.DisplayName} could not be reached, so the order was not cancelled: {ex.Message} The order is still Pending; try again later.");
        }

        switch (result.Outcome)
        {
            case VoidOutcome.AlreadyCharged:
                await transitions.RecordPaymentAsync(order.Id, result.ChargeReference!, cancellationToken);
                await transitions.NoteAsync(order.Id, $"Not cancelled: {provider.DisplayName} reports payment {result.ChargeReference} of {Money.Format(order.Total, order.Currency)} for this order.", actor, cancellationToken);
                logger.LogWarning("Order {OrderNumber} was to be cancelled but {Provider} had charged it", order.Number, provider.Name);
                return OrderActionResult.Refused($"The order was not cancelled: {provider.DisplayName} reports that it was charged ({result.ChargeReference}). Use Finish payment to complete it, and refund it afterwards if it should not stand.");
            case VoidOutcome.Refused:
                await transitions.NoteAsync(order.Id, $"Cancelling refused by {provider.DisplayName}: {result.Message}", actor, cancellationToken);
                return OrderActionResult.Refused($"{provider.DisplayName} refused to void the payment: {result.Message} The order is still Pending.");
        }

        var cancelled = await transitions.MarkCancelledAsync(order.Id, reason, actor, cancellationToken);
        if (cancelled is null)
        {
            return OrderActionResult.Refused("The order changed meanwhile; reload it and try again.");
        }

        logger.LogInformation("Order {OrderNumber} cancelled", order.Number);
        await emails.SendCancellationNoticeAsync(cancelled, reason, cancellationToken);
        return OrderActionResult.Done($"Order {order.Number} has been cancelled; no payment can be taken for it any more.", cancelled);
    }

    /// <summary>Why an order cannot be cancelled, or null when it can (it is Pending without a confirmed payment).</summary>
    public static string? RefusalFor(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Status switch
        {
            OrderStatus.Pending when order.PaymentReference is null => null,
            OrderStatus.Pending => "The payment provider confirmed this order's payment, so it cannot be cancelled. Use Finish payment to complete it, and refund it afterwards if it should not stand.",
            OrderStatus.Cancelled => "This order has already been cancelled.",
            OrderStatus.Paid => "This order is paid, so it cannot be cancelled; refund it instead.",
            _ => $"Only orders waiting for their payment can be cancelled; this order is {OrderStatusText.Of(order.Status)}.",
        };
    }
}
