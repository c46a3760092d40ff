using CP.Commerce.Payments;
using CP.Payments.Stripe.Data;
using CP.Payments.Stripe.Models;
using CP.Payments.Stripe.Payments;
using CP.Payments.Stripe.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;
using StoreSite;
using StoreSite.Data;

namespace CP.Payments.Stripe.Webhooks;

/// <summary>
/// Applies a verified webhook event once. The event's row (its id is the primary key) is inserted
/// first in the transaction, so a repeated or concurrent delivery changes nothing; the order's
/// change (through commerce's <see cref="IPaymentConfirmations"/>) and the event's row commit
/// together. A refund or dispute of a payment the store has not seen confirmed yet is kept
/// (<see cref="StripeEventOutcome.Waiting"/>) and applied in the transaction that confirms it.
/// </summary>
public sealed partial class StripeEventProcessor(
    StripeDbContext db,
    SiteDatabase database,
    StripeCheckoutSessions sessions,
    IPaymentConfirmations confirmations,
    StripeDisputeMail disputeMail,
    TimeProvider clock,
    ILogger<StripeEventProcessor> logger)
{
    /// <summary>The disputes applied in the current transaction, mailed once it committed.</summary>
    private readonly List<(string OrderNumber, StripeNotice Dispute)> _disputesOpened = [];

    /// <summary>False when the store could not apply the event (nothing of it was kept; Stripe sends it again).</summary>
    public async Task<bool> ProcessAsync(Event stripeEvent, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stripeEvent);
        if (await db.Events.AsNoTracking().AnyAsync(e => e.Id == stripeEvent.Id, cancellationToken))
        {
            LogRepeated(stripeEvent.Id, stripeEvent.Type);
            return true;
        }

        var notice = StripeNotice.Read(stripeEvent);
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var record = new StripeEvent
        {
            Id = stripeEvent.Id,
            Type = Truncate(stripeEvent.Type, 100),
            OrderNumber = notice.OrderNumber is { } number ? Truncate(number, 64) : null,
            PaymentIntentId = notice.PaymentIntentId,
            Outcome = StripeEventOutcome.Ignored,
            ReceivedAt = clock.GetUtcNow(),
        };
        db.Events.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another delivery of the same event claimed it first.
            db.ChangeTracker.Clear();
            LogRepeated(stripeEvent.Id, stripeEvent.Type);
            return true;
        }

        _disputesOpened.Clear();
        var (outcome, orderNumber) = await ApplyAsync(notice, cancellationToken);
        if (outcome is null)
        {
            LogNotApplied(stripeEvent.Id, stripeEvent.Type, orderNumber);
            return false;
        }

        record.Outcome = outcome.Value;
        record.OrderNumber = orderNumber ?? record.OrderNumber;
        record.Payload = outcome == StripeEventOutcome.Waiting ? json : null;
        record.AppliedAt = outcome == StripeEventOutcome.Applied ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(cancellationToken);
        if (outcome == StripeEventOutcome.Applied && notice.Kind == StripeNoticeKind.PaymentSucceeded && notice.PaymentIntentId is { } paymentIntent
            && !await ApplyWaitingAsync(paymentIntent, cancellationToken))
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        LogProcessed(stripeEvent.Id, stripeEvent.Type, record.Outcome, orderNumber);
        foreach (var (disputed, dispute) in _disputesOpened)
        {
            await disputeMail.SendAsync(disputed, dispute, cancellationToken);
        }

        _disputesOpened.Clear();
        return true;
    }

    /// <summary>What the event did (null: the store failed; nothing may be kept) and the order it concerned.</summary>
    private async Task<(StripeEventOutcome? Outcome, string? OrderNumber)> ApplyAsync(StripeNotice notice, CancellationToken cancellationToken)
    {
        switch (notice.Kind)
        {
            case StripeNoticeKind.PaymentSucceeded:
            case StripeNoticeKind.PaymentFailed:
            {
                // Only sessions this store made count, and the order is the one the store made it for.
                if (notice.SessionId is null || await sessions.FindAsync(notice.SessionId, cancellationToken) is not { } session)
                {
                    return (StripeEventOutcome.Ignored, notice.OrderNumber);
                }

                if (notice.Kind == StripeNoticeKind.PaymentFailed)
                {
                    await sessions.MarkAsync(session.Id, StripeSessionState.Closed, null, cancellationToken);
                    return (Of(await confirmations.PaymentFailedAsync(StripePaymentProvider.ProviderName, session.OrderNumber, notice.Detail ?? "The payment failed.", cancellationToken)), session.OrderNumber);
                }

                var reference = notice.PaymentIntentId ?? session.Id;
                await sessions.MarkAsync(session.Id, StripeSessionState.Paid, notice.PaymentIntentId, cancellationToken);
                return (Of(await confirmations.PaymentConfirmedAsync(StripePaymentProvider.ProviderName, session.OrderNumber, reference, cancellationToken)), session.OrderNumber);
            }

            case StripeNoticeKind.Refunded:
            case StripeNoticeKind.DisputeCreated:
            case StripeNoticeKind.DisputeWon:
            case StripeNoticeKind.DisputeLost:
            {
                var orderNumber = notice.PaymentIntentId is { } paymentIntent
                    ? await sessions.OrderOfPaymentAsync(paymentIntent, cancellationToken)
                    : null;
                if (orderNumber is null)
                {
                    // Its payment has not been confirmed here yet: kept for when it is.
                    return (notice.PaymentIntentId is null ? StripeEventOutcome.Ignored : StripeEventOutcome.Waiting, notice.OrderNumber);
                }

                var applied = Of(await ApplyToPaidOrderAsync(notice, orderNumber, cancellationToken));
                if (applied == StripeEventOutcome.Applied && notice.Kind == StripeNoticeKind.DisputeCreated)
                {
                    _disputesOpened.Add((orderNumber, notice));
                }

                return (applied, orderNumber);
            }

            default:
                return (StripeEventOutcome.Ignored, notice.OrderNumber);
        }
    }

    private Task<Outcome> ApplyToPaidOrderAsync(StripeNotice notice, string orderNumber, CancellationToken cancellationToken)
    {
        const string Provider = StripePaymentProvider.ProviderName;
        return notice.Kind switch
        {
            StripeNoticeKind.Refunded => confirmations.RefundedAsync(
                Provider,
                orderNumber,
                new ProviderRefund(notice.Detail ?? notice.PaymentIntentId!, StripeAmounts.FromMinorUnits(notice.AmountRefunded, notice.Currency ?? "usd"), notice.IsFullRefund),
                "Refunded in Stripe",
                cancellationToken),
            StripeNoticeKind.DisputeCreated => confirmations.DisputeOpenedAsync(Provider, orderNumber, notice.Detail, cancellationToken),
            StripeNoticeKind.DisputeWon => confirmations.DisputeClosedAsync(Provider, orderNumber, won: true, cancellationToken),
            _ => confirmations.DisputeClosedAsync(Provider, orderNumber, won: false, cancellationToken),
        };
    }

    /// <summary>Applies the kept events of a payment that was just confirmed, oldest first. False when the store failed.</summary>
    private async Task<bool> ApplyWaitingAsync(string paymentIntentId, CancellationToken cancellationToken)
    {
        var waiting = await db.Events.Where(e => e.PaymentIntentId == paymentIntentId && e.Outcome == StripeEventOutcome.Waiting).ToListAsync(cancellationToken);
        foreach (var kept in waiting.OrderBy(e => e.ReceivedAt))
        {
            var notice = StripeNotice.Read(EventUtility.ParseEvent(kept.Payload!, throwOnApiVersionMismatch: false));
            var (outcome, orderNumber) = await ApplyAsync(notice, cancellationToken);
            if (outcome is null)
            {
                return false;
            }

            kept.Outcome = outcome == StripeEventOutcome.Waiting ? StripeEventOutcome.Ignored : outcome.Value;
            kept.OrderNumber = orderNumber ?? kept.OrderNumber;
            kept.Payload = null;
            kept.AppliedAt = clock.GetUtcNow();
            LogProcessed(kept.Id, kept.Type, kept.Outcome, orderNumber);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Applied, kept for later (the order is not paid yet), ignored (nothing to change), or null: the store failed.</summary>
    private static StripeEventOutcome? Of(Outcome outcome) => outcome.Problem switch
    {
        null => StripeEventOutcome.Applied,
        PaymentReportProblems.NotPaidYet => StripeEventOutcome.Waiting,
        PaymentReportProblems.StoreFailed => null,
        _ => StripeEventOutcome.Ignored,
    };

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({EventType}) was already received; nothing changed")]
    private partial void LogRepeated(string eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({EventType}): {Outcome} (order {OrderNumber})")]
    private partial void LogProcessed(string eventId, string eventType, StripeEventOutcome outcome, string? orderNumber);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stripe event {EventId} ({EventType}) could not be applied to order {OrderNumber}; nothing was kept, Stripe will send it again")]
    private partial void LogNotApplied(string eventId, string eventType, string? orderNumber);
}
