using CP.Payments.Stripe.Services;
using Stripe;
using Stripe.Checkout;

namespace CP.Payments.Stripe.Webhooks;

/// <summary>
/// A webhook event read for what it means to an order: which order (by the session's
/// <c>client_reference_id</c> / metadata, or by the payment intent), and the facts the order needs.
/// </summary>
/// <param name="Amount">For a refund: the charge's amount, in minor units.</param>
/// <param name="AmountRefunded">For a refund: everything refunded of the charge so far, in minor units.</param>
public sealed record StripeNotice(
    StripeNoticeKind Kind,
    string? OrderNumber,
    string? PaymentIntentId,
    string? SessionId = null,
    string? Detail = null,
    long Amount = 0,
    long AmountRefunded = 0,
    string? Currency = null)
{
    public static readonly StripeNotice None = new(StripeNoticeKind.None, null, null);

    /// <summary>True when the refund gives back the whole charge.</summary>
    public bool IsFullRefund => Kind == StripeNoticeKind.Refunded && AmountRefunded >= Amount;

    public static StripeNotice Read(Event stripeEvent)
    {
        ArgumentNullException.ThrowIfNull(stripeEvent);
        var data = stripeEvent.Data?.Object;
        return (stripeEvent.Type, data) switch
        {
            (EventTypes.CheckoutSessionCompleted, Session s) when s.PaymentStatus is "paid" or "no_payment_required" => FromSession(StripeNoticeKind.PaymentSucceeded, s),
            (EventTypes.CheckoutSessionCompleted, Session s) => FromSession(StripeNoticeKind.PaymentDelayed, s),
            (EventTypes.CheckoutSessionAsyncPaymentSucceeded, Session s) => FromSession(StripeNoticeKind.PaymentSucceeded, s),
            (EventTypes.CheckoutSessionAsyncPaymentFailed, Session s) => FromSession(StripeNoticeKind.PaymentFailed, s) with { Detail = "The payment failed at Stripe." },
            (EventTypes.CheckoutSessionExpired, Session s) => FromSession(StripeNoticeKind.PaymentFailed, s) with { Detail = "The Stripe Checkout Session expired before it was paid." },
            (EventTypes.ChargeRefunded, Charge c) => new(
                StripeNoticeKind.Refunded, OrderNumberOf(c.Metadata), c.PaymentIntentId, Detail: c.Id, Amount: c.Amount, AmountRefunded: c.AmountRefunded, Currency: c.Currency),
            (EventTypes.ChargeDisputeCreated, Dispute d) => new(StripeNoticeKind.DisputeCreated, OrderNumberOf(d.Metadata), d.PaymentIntentId, Detail: d.Reason, Amount: d.Amount, Currency: d.Currency),
            (EventTypes.ChargeDisputeClosed, Dispute { Status: "won" } d) => new(StripeNoticeKind.DisputeWon, OrderNumberOf(d.Metadata), d.PaymentIntentId, Detail: d.Reason),
            (EventTypes.ChargeDisputeClosed, Dispute { Status: "lost" } d) => new(StripeNoticeKind.DisputeLost, OrderNumberOf(d.Metadata), d.PaymentIntentId, Detail: d.Reason),
            _ => None,
        };
    }

    private static StripeNotice FromSession(StripeNoticeKind kind, Session session) =>
        new(kind, session.ClientReferenceId ?? OrderNumberOf(session.Metadata), session.PaymentIntentId, session.Id);

    private static string? OrderNumberOf(Dictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(StripeCheckoutSessionRequest.OrderNumberKey, out var number) && !string.IsNullOrWhiteSpace(number) ? number : null;
}
