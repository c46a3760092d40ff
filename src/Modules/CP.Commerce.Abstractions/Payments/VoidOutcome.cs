namespace CP.Commerce.Payments;

/// <summary>What a provider answered to a <see cref="VoidRequest"/>.</summary>
public enum VoidOutcome
{
    /// <summary>No money was taken for the order, and none can be taken for it any more.</summary>
    Voided,

    /// <summary>The order was charged after all; the result carries the charge's reference.</summary>
    AlreadyCharged,

    /// <summary>The provider refused to void; the result carries its message.</summary>
    Refused,
}
