namespace CP.Commerce.Payments;

/// <summary>The provider's answer to a void: voided, charged after all (with the reference), or refused (with a message for people).</summary>
public sealed record VoidResult(VoidOutcome Outcome, string? ChargeReference, string? Message)
{
    public static VoidResult Voided() => new(VoidOutcome.Voided, null, null);

    public static VoidResult Charged(string reference) => new(VoidOutcome.AlreadyCharged, reference, null);

    public static VoidResult Refused(string message) => new(VoidOutcome.Refused, null, message);
}
