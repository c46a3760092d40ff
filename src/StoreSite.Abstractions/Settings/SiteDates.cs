using System.Globalization;

namespace StoreSite.Settings;

/// <summary>Writes dates in the site's time zone (scoped: reads the settings once per request).</summary>
public sealed class SiteDates(ISiteSettingsStore settings)
{
    private TimeZoneInfo? _zone;

    public async Task<string> FormatAsync(DateTimeOffset at)
    {
        if (_zone is null)
        {
            var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, CancellationToken.None);
            _zone = TimeZoneInfo.TryFindSystemTimeZoneById(site.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        }

        var local = TimeZoneInfo.ConvertTime(at, _zone);
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} {(_zone == TimeZoneInfo.Utc ? "UTC" : _zone.Id)}");
    }
}
