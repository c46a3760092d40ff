namespace CP.Commerce.Payments;

/// <summary>
/// What the provider answered: confirmed with its reference, refused with a message for people, or
/// pending: the customer pays on the provider's page at <see cref="RedirectUrl"/> and the provider
/// reports the outcome later (<see cref="IPaymentConfirmations"/>); <see cref="Reference"/> is then
/// the provider's reference of that page (e.g. a Stripe Checkout Session id), not of a charge.
/// </summary>
public sealed record PaymentResult(bool Succeeded, string? Reference, string? Message, Uri? RedirectUrl = null)
{
    /// <summary>True when the customer must be sent to <see cref="RedirectUrl"/> to pay.</summary>
    public bool IsPending => RedirectUrl is not null;

    public static PaymentResult Success(string reference) => new(true, reference, null);

    public static PaymentResult Refused(string message) => new(false, null, message);

    public static PaymentResult Pending(string reference, Uri redirectUrl)
    {
        ArgumentNullException.ThrowIfNull(redirectUrl);
        return new(false, reference, null, redirectUrl);
    }
}
