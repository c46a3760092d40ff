using CP.Payments.Stripe.Data;
using CP.Payments.Stripe.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;
using StoreSite.Data;

namespace CP.Payments.Stripe.Webhooks;

/// <summary>
/// Applies a verified webhook event once: the event's row (its id is the primary key) is inserted
/// first in the transaction, so a repeated or concurrent delivery changes nothing; the order change
/// and the event's row commit together.
/// </summary>
public sealed partial class StripeEventProcessor(
    StripeDbContext db,
    SiteDatabase database,
    TimeProvider clock,
    ILogger<StripeEventProcessor> logger)
{
    public async Task ProcessAsync(Event stripeEvent, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stripeEvent);
        if (await db.Events.AsNoTracking().AnyAsync(e => e.Id == stripeEvent.Id, cancellationToken))
        {
            LogRepeated(stripeEvent.Id, stripeEvent.Type);
            return;
        }

        var notice = StripeNotice.Read(stripeEvent);
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var record = new StripeEvent
        {
            Id = stripeEvent.Id,
            Type = Truncate(stripeEvent.Type, 100),
            OrderNumber = notice.OrderNumber,
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
            return;
        }

        await transaction.CommitAsync(cancellationToken);
        _ = json;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({EventType}) was already received; nothing changed")]
    private partial void LogRepeated(string eventId, string eventType);
}
