namespace CP.Commerce.Payments;

/// <summary>What the provider answered: confirmed with its reference, or refused with a message for people.</summary>
public sealed record PaymentResult(bool Succeeded, string? Reference, string? Message)
{
    public static PaymentResult Success(string reference) => new(true, reference, null);

    public static PaymentResult Refused(string message) => new(false, null, message);
}
