namespace CP.Commerce.Payments;

/// <summary>
/// How a payment module reports what its provider confirmed after the checkout (e.g. from signed
/// webhooks). Every report joins the scope's transaction when there is one, so the module can
/// commit its own record of the report with the order's change. Reports are idempotent: one that
/// changes nothing answers <see cref="PaymentReportProblems.Unchanged"/>.
/// </summary>
public interface IPaymentConfirmations
{
    /// <summary>The charge went through (reference: the charge the store refunds later): Pending -> Paid, with the order events and the confirmation mail.</summary>
    Task<StoreSite.Outcome> PaymentConfirmedAsync(string provider, string orderNumber, string reference, CancellationToken cancellationToken);

    /// <summary>The payment failed or its page expired: Pending -> PaymentFailed.</summary>
    Task<StoreSite.Outcome> PaymentFailedAsync(string provider, string orderNumber, string detail, CancellationToken cancellationToken);

    /// <summary>
    /// The provider gave money back. A full refund refunds the order (Refunded, keys revoked) with
    /// <paramref name="reason"/>; a partial one is noted and listed for the admin to decide.
    /// <see cref="PaymentReportProblems.NotPaidYet"/> while the order is not Paid.
    /// </summary>
    Task<StoreSite.Outcome> RefundedAsync(string provider, string orderNumber, ProviderRefund refund, string reason, CancellationToken cancellationToken);

    /// <summary>The customer disputed the payment: noted on the order and listed for the admin.</summary>
    Task<StoreSite.Outcome> DisputeOpenedAsync(string provider, string orderNumber, string? reason, CancellationToken cancellationToken);

    /// <summary>The dispute was won (noted), or lost: then treated as a full refund with the reason "Payment disputed".</summary>
    Task<StoreSite.Outcome> DisputeClosedAsync(string provider, string orderNumber, bool won, CancellationToken cancellationToken);
}
