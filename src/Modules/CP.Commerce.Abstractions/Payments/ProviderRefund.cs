namespace CP.Commerce.Payments;

/// <summary>A refund the provider reports (e.g. made in its dashboard): its reference, the amount given back so far, and whether that is the whole charge.</summary>
public sealed record ProviderRefund(string Reference, decimal AmountRefunded, bool IsFull);
