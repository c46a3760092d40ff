namespace CP.Licensing.Models;

/// <summary>A customer who switched renewal reminders off (Account -> Licenses, or the link in a reminder).</summary>
public sealed class ReminderOptOut
{
    public required string CustomerId { get; set; }

    public DateTimeOffset At { get; set; }
}
