namespace CP.Commerce.Payments;

/// <summary>One line of a <see cref="PaymentRequest"/>: its name as on the order, the price of one unit, how many.</summary>
public sealed record PaymentLine(string Name, decimal UnitPrice, int Quantity);
