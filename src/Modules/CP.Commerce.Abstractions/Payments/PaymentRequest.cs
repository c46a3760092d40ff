namespace CP.Commerce.Payments;

/// <summary>A charge of an order's total.</summary>
/// <param name="SimulateDecline">Asks a test-mode provider to decline; real providers ignore it.</param>
/// <param name="Lines">What the order holds, for providers that show it on their payment page (names as on the order).</param>
public sealed record PaymentRequest(string OrderNumber, decimal Amount, string Currency, string CustomerEmail, bool SimulateDecline = false, IReadOnlyList<PaymentLine>? Lines = null);
