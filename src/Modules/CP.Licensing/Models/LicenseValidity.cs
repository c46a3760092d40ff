namespace CP.Licensing.Models;

/// <summary>A validity period with calendar arithmetic: Jan 31 + 1 month is Feb 28 (or 29).</summary>
public readonly record struct LicenseValidity(LicenseValidityUnit Unit, int Value)
{
    public static LicenseValidity Lifetime { get; } = new(LicenseValidityUnit.Lifetime, 0);

    /// <summary>The last valid day for a key issued on <paramref name="issuedOn"/>; null for Lifetime.</summary>
    public DateOnly? ExpiryFor(DateOnly issuedOn) => Unit switch
    {
        LicenseValidityUnit.Lifetime => null,
        LicenseValidityUnit.Days => issuedOn.AddDays(Value),
        LicenseValidityUnit.Weeks => issuedOn.AddDays(7 * Value),
        LicenseValidityUnit.Months => issuedOn.AddMonths(Value),
        LicenseValidityUnit.Years => issuedOn.AddYears(Value),
        _ => throw new ArgumentOutOfRangeException(nameof(Unit), Unit, "Unknown validity unit."),
    };

    /// <summary>
    /// The last valid day after a renewal paid on <paramref name="paidOn"/> of a key valid until
    /// <paramref name="expiresOn"/>: the validity added to the later of the two (a key renewed early
    /// loses no day; an expired one runs from the payment). Null for Lifetime.
    /// </summary>
    public DateOnly? RenewedExpiry(DateOnly expiresOn, DateOnly paidOn) => ExpiryFor(expiresOn > paidOn ? expiresOn : paidOn);
}
