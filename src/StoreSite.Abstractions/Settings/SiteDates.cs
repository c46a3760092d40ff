using System.Globalization;

namespace StoreSite.Settings;

/// <summary>
/// The one way pages and mails write a moment: in the site's time zone (<see cref="SiteSettings.TimeZone"/>),
/// to the minute, with the offset in force at that moment (<c>2026-03-29 03:30 UTC+02:00</c>; <c>UTC</c>
/// for a zone that is always UTC), the same in every culture. Scoped: reads the settings once per request.
/// </summary>
public sealed class SiteDates(ISiteSettingsStore settings)
{
    private TimeZoneInfo? _zone;

    public async Task<string> FormatAsync(DateTimeOffset at) => Format(at, await ZoneAsync(CancellationToken.None));

    /// <summary>The site's time zone; UTC when the stored id is not one the system knows.</summary>
    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken)
    {
        if (_zone is null)
        {
            var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
            _zone = ZoneOf(site.TimeZone);
        }

        return _zone;
    }

    /// <summary>The system's zone of id <paramref name="id"/> (IANA, or Windows where the system maps it), or UTC.</summary>
    public static TimeZoneInfo ZoneOf(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary><paramref name="at"/> in <paramref name="zone"/>: <c>yyyy-MM-dd HH:mm</c> and the offset of that moment.</summary>
    public static string Format(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} {OffsetLabel(local.Offset, zone)}");
    }

    /// <summary><c>UTC</c> for a zone that never leaves UTC, else <c>UTC+02:00</c>, <c>UTC-05:00</c>, <c>UTC+05:45</c>.</summary>
    public static string OffsetLabel(TimeSpan offset, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone.HasSameRules(TimeZoneInfo.Utc))
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{offset.Duration():hh\\:mm}");
    }
}
