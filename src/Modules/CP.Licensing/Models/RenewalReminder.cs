namespace CP.Licensing.Models;

/// <summary>
/// A renewal reminder taken for sending: one row per key, expiry and offset (days before the expiry;
/// negative after it), so each reminder goes out once even with several nodes sending. The row is
/// taken before the mail is sent and removed again if the mail could not be sent.
/// </summary>
public sealed class RenewalReminder
{
    public int LicenseId { get; set; }

    /// <summary>The expiry the reminder was about: a renewed key's next expiry gets its own reminders.</summary>
    public DateOnly ExpiresOn { get; set; }

    public int OffsetDays { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
