namespace CP.Commerce.Payments;

/// <summary>A refund of an order's confirmed charge: <paramref name="Amount"/> exactly, the whole order or the lines named.</summary>
/// <param name="LineNumbers">
/// The order lines refunded (ascending), or null for the whole order. A provider's idempotency key
/// is made from them: a retried refund of the same lines moves no money twice, a refund of other lines does.
/// </param>
public sealed record RefundRequest(string OrderNumber, string PaymentReference, decimal Amount, string Currency, string Reason, IReadOnlyList<int>? LineNumbers = null)
{
    /// <summary>What tells this refund from the order's other refunds: <c>order</c> or <c>lines-1-3</c>.</summary>
    public string Scope => LineNumbers is null ? "order" : "lines-" + string.Join('-', LineNumbers);
}
