namespace CP.Commerce.Payments;

/// <summary>
/// Takes and gives back money for orders. Every call is idempotent per order number: charging,
/// refunding or voiding an order again answers the first result without moving money twice.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>Key of the provider in settings and on orders (e.g. <c>test</c>).</summary>
    string Name { get; }

    /// <summary>What the checkout page and the admin show.</summary>
    string DisplayName { get; }

    /// <summary>True for providers that move no real money; checkout says so.</summary>
    bool IsTestMode { get; }

    /// <summary>
    /// True for providers whose charge answers <see cref="PaymentResult.Pending"/>: the customer pays on
    /// the provider's page and the provider confirms later; the order page then says "payment processing".
    /// </summary>
    bool ConfirmsLater => false;

    /// <summary>
    /// True when the provider is connected with its test credentials (e.g. a Stripe <c>sk_test_…</c>
    /// secret key): it works like the real one, but no real money moves. Admin -> Payments shows a badge.
    /// </summary>
    Task<bool> UsesTestKeysAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>The name of the route of the provider's settings page (linked from Admin -> Payments), or null when it has none.</summary>
    string? SettingsRouteName => null;

    Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken);

    Task<PaymentResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Closes an order whose charge the store never saw confirmed (the provider could not be reached,
    /// or the store stopped before recording its answer): answers <see cref="VoidOutcome.AlreadyCharged"/>
    /// with the reference when the charge went through, else makes sure no later charge of the order
    /// can succeed and answers <see cref="VoidOutcome.Voided"/>.
    /// </summary>
    Task<VoidResult> VoidAsync(VoidRequest request, CancellationToken cancellationToken);
}
