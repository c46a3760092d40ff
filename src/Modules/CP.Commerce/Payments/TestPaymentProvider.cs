using System.Collections.Concurrent;

namespace CP.Commerce.Payments;

/// <summary>
/// The built-in Test payment provider (singleton): moves no money, confirms every charge unless the
/// checkout asks it to simulate a decline, and remembers per order what it did so that charging,
/// refunding or voiding an order twice never happens (and tests can count it). A voided order's
/// charge is answered with a refusal, as a real provider does for a cancelled payment.
/// </summary>
public sealed class TestPaymentProvider : IPaymentProvider
{
    public const string ProviderName = "test";
    public const string DeclineMessage = "The card was declined (simulated by the test payment provider).";
    public const string VoidedMessage = "The payment of this order was voided.";

    private readonly ConcurrentDictionary<string, PaymentResult> _charges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PaymentResult> _refunds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _refundRequests = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RefundRequest> _refundCalls = new();
    private readonly ConcurrentDictionary<string, int> _chargeRequests = new(StringComparer.Ordinal);

    public string Name => ProviderName;

    public string DisplayName => "Test payment";

    public bool IsTestMode => true;

    /// <summary>Charges that moved (test) money for the order: 0 or 1.</summary>
    public int ChargesOf(string orderNumber) => _charges.TryGetValue(orderNumber, out var result) && result.Succeeded ? 1 : 0;

    /// <summary>How many times the store asked to charge the order.</summary>
    public int ChargeRequestsOf(string orderNumber) => _chargeRequests.GetValueOrDefault(orderNumber);

    /// <summary>Refunds that moved (test) money for the order: one per refunded set of lines (a whole refund is one).</summary>
    public int RefundsOf(string orderNumber) => _refunds.Count(r => r.Key.StartsWith(orderNumber + "/", StringComparison.Ordinal) && r.Value.Succeeded);

    /// <summary>Every refund the store asked for, in order (amount and lines included).</summary>
    public IReadOnlyList<RefundRequest> RefundCalls => [.. _refundCalls];

    /// <summary>How many times the store asked to refund the order.</summary>
    public int RefundRequestsOf(string orderNumber) => _refundRequests.GetValueOrDefault(orderNumber);

    /// <summary>Every successful (test) charge so far.</summary>
    public int TotalCharges => _charges.Values.Count(r => r.Succeeded);

    public Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _chargeRequests.AddOrUpdate(request.OrderNumber, 1, (_, count) => count + 1);
        var result = _charges.GetOrAdd(request.OrderNumber, number => request.SimulateDecline
            ? PaymentResult.Refused(DeclineMessage)
            : PaymentResult.Success($"test_ch_{number}"));
        return Task.FromResult(result);
    }

    /// <summary>
    /// The charge result is the provider's single record of the order: voiding stores a refusal in
    /// the same atomic step that a charge uses, so a charge and a void of one order never both win.
    /// </summary>
    public Task<VoidResult> VoidAsync(VoidRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var charge = _charges.GetOrAdd(request.OrderNumber, _ => PaymentResult.Refused(VoidedMessage));
        return Task.FromResult(charge.Succeeded ? VoidResult.Charged(charge.Reference!) : VoidResult.Voided());
    }

    public Task<PaymentResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _refundRequests.AddOrUpdate(request.OrderNumber, 1, (_, count) => count + 1);
        _refundCalls.Enqueue(request);
        var number = request.OrderNumber;
        var result = _refunds.GetOrAdd($"{number}/{request.Scope}", _ =>
            _charges.TryGetValue(number, out var charge) && charge.Succeeded && charge.Reference == request.PaymentReference
                ? PaymentResult.Success(request.LineNumbers is null ? $"test_re_{number}" : $"test_re_{number}_{request.Scope}")
                : PaymentResult.Refused($"No test charge {request.PaymentReference} to refund."));
        return Task.FromResult(result);
    }
}
