namespace CP.Licensing.Models;

/// <summary>
/// What a paid renewal line did to a key: the expiry before and after, and the validity it added, so
/// a refund of the line can recompute the expiry from the renewals that remain paid.
/// </summary>
public sealed class LicenseRenewal
{
    public int Id { get; set; }

    public int LicenseId { get; set; }

    /// <summary>The order of the renewal line (one renewal per order line: a unique index holds it).</summary>
    public required string OrderNumber { get; set; }

    public int LineNumber { get; set; }

    /// <summary>The payment's day (UTC).</summary>
    public DateOnly PaidOn { get; set; }

    public DateOnly PreviousExpiry { get; set; }

    public DateOnly NewExpiry { get; set; }

    public LicenseValidityUnit ValidityUnit { get; set; }

    public int ValidityValue { get; set; }

    public DateTimeOffset RenewedAt { get; set; }

    /// <summary>When the line was refunded (the renewal no longer counts); null while it is paid.</summary>
    public DateTimeOffset? RefundedAt { get; set; }

    public LicenseValidity Validity => new(ValidityUnit, ValidityValue);
}
