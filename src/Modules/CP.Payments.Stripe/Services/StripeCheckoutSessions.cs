using CP.Payments.Stripe.Data;
using CP.Payments.Stripe.Models;
using CP.Payments.Stripe.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe.Checkout;
using StoreSite;

namespace CP.Payments.Stripe.Services;

/// <summary>
/// The Checkout Sessions of orders: creates one per payment attempt (a session still open is
/// handed out again), and closes an order's sessions when the store gives up on its payment.
/// </summary>
public sealed partial class StripeCheckoutSessions(
    StripeDbContext db,
    StripeSettingsStore settings,
    StripeClients clients,
    TimeProvider clock,
    ILogger<StripeCheckoutSessions> logger)
{
    /// <summary>The open session of the order, or a new one made through Stripe.</summary>
    public async Task<Outcome<StripeCheckoutSession>> StartAsync(StripeCheckoutOrder order, Uri successUrl, Uri cancelUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var keys = await settings.GetKeysAsync(cancellationToken);
        if (keys.SecretKey is null)
        {
            return Outcome<StripeCheckoutSession>.Refused(StripeProblems.NotConfigured);
        }

        var sessions = await ForOrderAsync(order.OrderNumber, cancellationToken);
        if (sessions.FirstOrDefault(s => s.State == StripeSessionState.Open) is { } open)
        {
            return Outcome<StripeCheckoutSession>.Done(open);
        }

        var attempt = sessions.Count == 0 ? 1 : sessions.Max(s => s.Attempt) + 1;
        Session created;
        try
        {
            var service = new SessionService(clients.Create(keys.SecretKey));
            created = await service.CreateAsync(
                StripeCheckoutSessionRequest.Options(order, successUrl, cancelUrl),
                StripeCheckoutSessionRequest.RequestOptions(order.OrderNumber, attempt),
                cancellationToken);
        }
        catch (Exception ex) when (StripeErrors.IsStripeFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            LogStripeFailed(ex, "create a Checkout Session", order.OrderNumber);
            return Outcome<StripeCheckoutSession>.Refused(StripeErrors.Problem(ex), detail: StripeErrors.Describe(ex));
        }

        var session = new StripeCheckoutSession
        {
            Id = created.Id,
            OrderNumber = order.OrderNumber,
            Attempt = attempt,
            Url = created.Url,
            State = StripeSessionState.Open,
            CreatedAt = clock.GetUtcNow(),
        };
        db.CheckoutSessions.Add(session);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request of the same attempt stored it first; Stripe answered both with the same session.
            db.ChangeTracker.Clear();
            var stored = await db.CheckoutSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == created.Id, cancellationToken);
            if (stored is null)
            {
                throw;
            }

            return Outcome<StripeCheckoutSession>.Done(stored);
        }

        return Outcome<StripeCheckoutSession>.Done(session);
    }

    /// <summary>
    /// Makes sure no session of the order can be paid any more: each open one is expired at Stripe.
    /// Answers the payment intent when Stripe says a session was paid after all.
    /// </summary>
    public async Task<Outcome<string?>> CloseAsync(string orderNumber, CancellationToken cancellationToken)
    {
        var sessions = await ForOrderAsync(orderNumber, cancellationToken);
        if (sessions.FirstOrDefault(s => s.State == StripeSessionState.Paid) is { } paid)
        {
            return Outcome<string?>.Done(paid.PaymentIntentId);
        }

        var open = sessions.Where(s => s.State == StripeSessionState.Open).ToList();
        if (open.Count == 0)
        {
            return Outcome<string?>.Done(null);
        }

        var keys = await settings.GetKeysAsync(cancellationToken);
        if (keys.SecretKey is null)
        {
            return Outcome<string?>.Refused(StripeProblems.NotConfigured);
        }

        var service = new SessionService(clients.Create(keys.SecretKey));
        foreach (var session in open)
        {
            try
            {
                var current = await service.GetAsync(session.Id, cancellationToken: cancellationToken);
                if (current.Status == "complete" && current.PaymentStatus == "paid")
                {
                    await MarkAsync(session.Id, StripeSessionState.Paid, current.PaymentIntentId, cancellationToken);
                    return Outcome<string?>.Done(current.PaymentIntentId);
                }

                if (current.Status == "open")
                {
                    await service.ExpireAsync(session.Id, cancellationToken: cancellationToken);
                }

                await MarkAsync(session.Id, StripeSessionState.Closed, null, cancellationToken);
            }
            catch (Exception ex) when (StripeErrors.IsStripeFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                LogStripeFailed(ex, "expire a Checkout Session", orderNumber);
                return Outcome<string?>.Refused(StripeErrors.Problem(ex), detail: StripeErrors.Describe(ex));
            }
        }

        return Outcome<string?>.Done(null);
    }

    public Task<StripeCheckoutSession?> FindAsync(string sessionId, CancellationToken cancellationToken) =>
        db.CheckoutSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);

    /// <summary>The order whose paid session made <paramref name="paymentIntentId"/>, or null while none is known.</summary>
    public Task<string?> OrderOfPaymentAsync(string paymentIntentId, CancellationToken cancellationToken) =>
        db.CheckoutSessions.AsNoTracking()
            .Where(s => s.PaymentIntentId == paymentIntentId)
            .Select(s => s.OrderNumber)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Records what Stripe said of a session (paid with its payment intent, or closed).</summary>
    public async Task MarkAsync(string sessionId, StripeSessionState state, string? paymentIntentId, CancellationToken cancellationToken) =>
        await db.CheckoutSessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.State, state).SetProperty(x => x.PaymentIntentId, x => paymentIntentId ?? x.PaymentIntentId),
                cancellationToken);

    private Task<List<StripeCheckoutSession>> ForOrderAsync(string orderNumber, CancellationToken cancellationToken) =>
        db.CheckoutSessions.AsNoTracking().Where(s => s.OrderNumber == orderNumber).OrderBy(s => s.Attempt).ToListAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe could not {Action} for order {OrderNumber}")]
    private partial void LogStripeFailed(Exception exception, string action, string orderNumber);
}
