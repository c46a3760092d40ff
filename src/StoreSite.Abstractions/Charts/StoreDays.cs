namespace StoreSite.Charts;

/// <summary>
/// The days a dashboard chart counts over: calendar days in the store's time zone, each the UTC
/// instants from its local midnight to the next one (23 or 25 hours on a daylight-saving change).
/// A query buckets rows by these bounds in the database, so every provider groups the same way.
/// </summary>
public static class StoreDays
{
    /// <summary>The <paramref name="count"/> days that end with today in <paramref name="zone"/>, oldest first.</summary>
    public static IReadOnlyList<StoreDay> Last(int count, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var days = new StoreDay[count];
        for (var i = 0; i < count; i++)
        {
            var day = today.AddDays(i - count + 1);
            days[i] = new StoreDay(day, StartOf(day, zone), StartOf(day.AddDays(1), zone));
        }

        return days;
    }

    /// <summary>
    /// The instant <paramref name="day"/> begins in <paramref name="zone"/>: its local midnight; where
    /// a clock change skips midnight, the first minute that exists; where midnight happens twice, the first.
    /// </summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
