namespace CP.Licensing.Models;

/// <summary>
/// How many licenses were issued (or imported) in one quarter of an hour: the dashboard's "new
/// licenses" chart sums these per store day instead of counting the day's keys. Every time zone's
/// midnight falls on a quarter hour (offsets are whole multiples of 15 minutes), so the sums are
/// exact. Kept by the same triggers as <see cref="LicenseTally"/>.
/// </summary>
public sealed class LicenseIssuedTally
{
    /// <summary>Seconds since 1970-01-01 UTC of the quarter's start, divided by <see cref="QuarterSeconds"/>.</summary>
    public long Quarter { get; set; }

    public long Count { get; set; }

    public const int QuarterSeconds = 900;

    public static long QuarterOf(DateTimeOffset at) => Math.DivRem(at.ToUnixTimeSeconds(), QuarterSeconds, out var rest) - (rest < 0 ? 1 : 0);
}
