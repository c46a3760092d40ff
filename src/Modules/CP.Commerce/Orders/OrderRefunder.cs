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

        if (await CheckAsync(order, reason, cancellationToken) is { } problem)
        {
            return problem;
        }

        var why = reason!.Trim();
        var provider = providers.Find(order.PaymentProvider)!;
        var (refund, refused) = await AskProviderAsync(order, provider, new RefundRequest(order.Number, order.PaymentReference!, order.Total, order.Currency, why), "Refund", actor, cancellationToken);
        if (refund is null)
        {
            return refused;
        }

        var note = $"{Money.Format(order.Total, order.Currency)} refunded by {provider.DisplayName} ({refund.Reference}).";
        if (await transitions.MarkRefundPendingAsync(order.Id, why, note, actor, cancellationToken) is null)
        {
            return Outcome.Refused(OrderProblems.Changed);
        }

        logger.LogInformation("Order {OrderNumber} refunded by {Provider}", order.Number, provider.Name);
        return await CompleteAsync(order, why, actor, cancellationToken);
    }

    /// <summary>The form field that names the lines of a line refund.</summary>
    public const string LinesField = "Lines";

    /// <summary>
    /// Refunds the lines numbered <paramref name="lineNumbers"/> of a Paid or PartiallyRefunded order
    /// (loaded with its lines): the provider is asked for exactly their total, then
    /// <see cref="OrderTransitions.RefundLinesAsync"/> marks them and runs the handlers that undo them,
    /// in one transaction. A line the order lacks, one already refunded, none, or a repeated one: refused,
    /// nothing changed. If the store's part fails it rolls back; refunding the same lines again finishes
    /// it (the provider's idempotency key is the same, so no money moves twice).
    /// </summary>
    public async Task<Outcome<Order>> RefundLinesAsync(Order order, IReadOnlyCollection<int>? lineNumbers, string? reason, OrderActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(actor);
        if (LineRefusalFor(order) is { } refusal)
        {
            return Outcome.Refused(refusal);
        }

        if (lineNumbers is null || lineNumbers.Count == 0)
        {
            return Outcome.Refused(OrderProblems.NoLines, field: LinesField);
        }

        if (lineNumbers.Where(n => order.Lines.All(l => l.LineNumber != n)).Select(n => (int?)n).FirstOrDefault() is { } unknown)
        {
            return Outcome.Refused(OrderProblems.UnknownLine, field: LinesField, detail: unknown.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (lineNumbers.Count != lineNumbers.Distinct().Count())
        {
            return Outcome.Refused(OrderProblems.UnknownLine, field: LinesField, detail: "a line named twice");
        }

        if (order.Lines.FirstOrDefault(l => lineNumbers.Contains(l.LineNumber) && l.RefundedAt is not null) is { } done)
        {
            return Outcome.Refused(OrderProblems.LineAlreadyRefunded, field: LinesField, detail: done.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (order.Status == OrderStatus.Paid && order.Lines.All(l => lineNumbers.Contains(l.LineNumber)))
        {
            return await RefundAsync(order, reason, actor, cancellationToken); // every line of a paid order: the whole refund
        }

        if (await CheckAsync(order, reason, cancellationToken) is { } problem)
        {
            return problem;
        }

        var why = reason!.Trim();
        var provider = providers.Find(order.PaymentProvider)!;
        var numbers = lineNumbers.Order().ToList();
        var lines = order.Lines.Where(l => numbers.Contains(l.LineNumber)).ToList();
        var amount = lines.Sum(l => l.LineTotal);
        var (refund, refused) = await AskProviderAsync(order, provider, new RefundRequest(order.Number, order.PaymentReference!, amount, order.Currency, why, numbers), $"Refund of {LineList(numbers)}", actor, cancellationToken);
        if (refund is null)
        {
            return refused;
        }

        var titles = string.Join("; ", lines.Select(l => $"{l.LineNumber}. {l.ProductName} – {l.PlanName} ({Money.Format(l.LineTotal, order.Currency)})"));
        var note = $"{LineList(numbers)} refunded: {titles}. {Money.Format(amount, order.Currency)} refunded by {provider.DisplayName} ({refund.Reference}). Reason: {why}";
        Order? refunded;
        try
        {
            refunded = await transitions.RefundLinesAsync(order.Id, numbers, why, note, actor, cancellationToken);
        }
        catch (Exception ex) when (ex is OrderEventException or DbUpdateException or System.Data.Common.DbException)
        {
            logger.LogError(ex, "Lines of order {OrderNumber} were refunded by the provider but the store could not undo them", order.Number);
            await transitions.NoteAsync(order.Id, $"{provider.DisplayName} refunded {Money.Format(amount, order.Currency)} for {LineList(numbers)} ({refund.Reference}), but the store could not undo them: {ex.Message}", OrderActor.System, cancellationToken);
            return Outcome.Refused(OrderProblems.StoreFailedAfterLineRefund, detail: ex.Message);
        }

        if (refunded is null)
        {
            return Outcome.Refused(OrderProblems.Changed);
        }

        logger.LogInformation("Lines {Lines} of order {OrderNumber} refunded by {Provider}", string.Join(',', numbers), order.Number, provider.Name);
        if (refunded.Status == OrderStatus.Refunded)
        {
            await emails.SendRefundNoticeAsync(refunded, cancellationToken);
        }
        else
        {
            await emails.SendLineRefundNoticeAsync(refunded, numbers, why, cancellationToken);
        }

        return Outcome<Order>.Done(refunded);
    }

    /// <summary>The checks of every refund before money moves: the reason, the provider, the modules asked up front; null when it may go on.</summary>
    private async Task<Outcome<Order>?> CheckAsync(Order order, string? reason, CancellationToken cancellationToken)
    {
        if (OrderReasons.Problem(reason) is { } reasonProblem)
        {
            return Outcome.Refused(reasonProblem, field: OrderReasons.Field);
        }

        if (providers.Find(order.PaymentProvider) is null || order.PaymentReference is null)
        {
            return Outcome.Refused(OrderProblems.ProviderUnavailable, detail: order.PaymentProvider);
        }

        if (await events.CanRefundAsync(await snapshots.TakeAsync(order, cancellationToken), cancellationToken) is { } moduleRefusal)
        {
            logger.LogWarning("Refund of order {OrderNumber} refused by module {Module}: {Reason}", order.Number, moduleRefusal.Module, moduleRefusal.Reason);
            return Outcome.Refused(OrderProblems.RefusedByModule, detail: moduleRefusal.Reason);
        }

        return null;
    }

    /// <summary>Why no line of an order can be refunded, or null when lines can (it is Paid or PartiallyRefunded).</summary>
    public static string? LineRefusalFor(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Status == OrderStatus.PartiallyRefunded ? null : RefusalFor(order);
    }

    /// <summary>
    /// Asks the provider to refund; when it cannot be reached or refuses, notes it on the order's
    /// timeline (<paramref name="what"/>: "Refund", "Refund of lines 1 and 3") and answers the refusal
    /// with a null result.
    /// </summary>
    private async Task<(PaymentResult? Result, Outcome<Order> Refusal)> AskProviderAsync(Order order, IPaymentProvider provider, RefundRequest request, string what, OrderActor actor, CancellationToken cancellationToken)
    {
        PaymentResult refund;
        try
        {
            refund = await provider.RefundAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whether the money went back is unknown; the provider refunds a request once, so asking again is safe.
            logger.LogError(ex, "Payment provider {Provider} failed to refund order {OrderNumber} ({What})", provider.Name, order.Number, what);
            await transitions.NoteAsync(order.Id, $"{what} failed: the payment provider could not be reached: {ex.Message}", actor, cancellationToken);
            return (null, Outcome.Refused(OrderProblems.ProviderUnreachable, detail: ex.Message));
        }

        if (!refund.Succeeded)
        {
            await transitions.NoteAsync(order.Id, $"{what} refused by {provider.DisplayName}: {refund.Message}", actor, cancellationToken);
            return (null, Outcome.Refused(OrderProblems.ProviderRefused, detail: refund.Message));
        }

        return (refund, default);
    }

    private static string LineList(IReadOnlyList<int> numbers) =>
        (numbers.Count == 1 ? "Line " : "Lines ") + string.Join(", ", numbers);

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
            OrderStatus.PartiallyRefunded => OrderProblems.PartiallyRefunded,
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
