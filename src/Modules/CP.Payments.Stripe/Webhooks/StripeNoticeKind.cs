namespace CP.Payments.Stripe.Webhooks;

/// <summary>What a webhook event tells the store.</summary>
public enum StripeNoticeKind
{
    /// <summary>An event the store does not act on.</summary>
    None,

    /// <summary><c>checkout.session.completed</c> with payment_status paid, or <c>checkout.session.async_payment_succeeded</c>.</summary>
    PaymentSucceeded,

    /// <summary><c>checkout.session.completed</c> whose payment is still on its way (e.g. a bank debit): the order waits.</summary>
    PaymentDelayed,

    /// <summary><c>checkout.session.expired</c> or <c>checkout.session.async_payment_failed</c>.</summary>
    PaymentFailed,

    /// <summary><c>charge.refunded</c>: money went back (from Stripe's dashboard, or the store's own refund).</summary>
    Refunded,

    /// <summary><c>charge.dispute.created</c>.</summary>
    DisputeCreated,

    /// <summary><c>charge.dispute.closed</c> with status won.</summary>
    DisputeWon,

    /// <summary><c>charge.dispute.closed</c> with status lost.</summary>
    DisputeLost,
}
