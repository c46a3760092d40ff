namespace CP.Commerce.Payments;

/// <summary>A full refund of an order's confirmed charge.</summary>
public sealed record RefundRequest(string OrderNumber, string PaymentReference, decimal Amount, string Currency, string Reason);
