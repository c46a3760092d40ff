namespace CP.Commerce.Purchases;

/// <summary>A line of a paid order: which product and plan it sold.</summary>
public sealed record PurchasedLine(string OrderNumber, int LineNumber, int ProductId, int PlanId);
