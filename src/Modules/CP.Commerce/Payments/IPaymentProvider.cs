namespace CP.Commerce.Payments;

/// <summary>
/// Takes and gives back money for orders. Both calls are idempotent per order number: charging or
/// refunding an order again answers the first result without moving money twice.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>Key of the provider in settings and on orders (e.g. <c>test</c>).</summary>
    string Name { get; }

    /// <summary>What the checkout page and the admin show.</summary>
    string DisplayName { get; }

    /// <summary>True for providers that move no real money; checkout says so.</summary>
    bool IsTestMode { get; }

    Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken);

    Task<PaymentResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken);
}
