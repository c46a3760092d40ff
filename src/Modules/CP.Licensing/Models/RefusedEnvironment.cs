namespace CP.Licensing.Models;

/// <summary>
/// A new environment a key refused at its limit, once per domain per day (a unique index): the
/// history shows it once, however often the product retries.
/// </summary>
public sealed class RefusedEnvironment
{
    public int Id { get; set; }

    public int LicenseId { get; set; }

    /// <summary>The UTC day of the first refusal.</summary>
    public DateOnly Day { get; set; }

    public required string Domain { get; set; }

    public required string Ip { get; set; }

    public DateTimeOffset At { get; set; }
}
