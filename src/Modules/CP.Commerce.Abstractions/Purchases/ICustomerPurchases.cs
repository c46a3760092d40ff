namespace CP.Commerce.Purchases;

/// <summary>Reads what a customer has bought, for other modules (implemented by CP.Commerce); never writes.</summary>
public interface ICustomerPurchases
{
    /// <summary>
    /// The lines of the customer's orders that stand paid: not pending, failed, cancelled, refunded or
    /// waiting for a refund (a disputed order stays paid until it is refunded).
    /// </summary>
    Task<IReadOnlyList<PurchasedLine>> PaidLinesAsync(string customerId, CancellationToken cancellationToken);
}
