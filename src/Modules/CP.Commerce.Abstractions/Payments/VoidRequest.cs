namespace CP.Commerce.Payments;

/// <summary>Makes sure an order whose charge never confirmed is not charged any more.</summary>
public sealed record VoidRequest(string OrderNumber, string Reason);
