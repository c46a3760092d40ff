using System.Globalization;
using CP.Licensing.Admin.Records;
using CP.Licensing.Data;
using CP.Licensing.ViewModels;
using Microsoft.EntityFrameworkCore;
using StoreSite.Charts;
using StoreSite.Data;
using StoreSite.Settings;

namespace CP.Licensing.Admin;

/// <summary>
/// The admin dashboard's licensing figures: keys issued and environments activated per day over the
/// last <see cref="Days"/> days in the store's time zone (counted in the database, grouped by day:
/// <see cref="LicenseSql.IssuedPerDay"/>, <see cref="LicenseSql.ActivatedPerDay"/>), and the keys near
/// their limit (<see cref="LicenseListQuery.NearLimit"/>), fullest first; the working keys (neither
/// revoked nor suspended) that expire within <see cref="ExpiringWithinDays"/> days, soonest first.
/// </summary>
public sealed class LicenseFigures(LicensingDbContext db, SiteDatabase database, SiteDates dates, TimeProvider clock)
{
    public const int Days = 30;

    /// <summary>Keys near their limit listed on the card; the list filter shows them all.</summary>
    public const int NearLimitShown = 10;

    /// <summary>A key expiring within this many days (today included) is expiring soon.</summary>
    public const int ExpiringWithinDays = 30;

    /// <summary>Keys expiring soon listed on the card; the Licenses list sorted by expiry shows them all.</summary>
    public const int ExpiringSoonShown = 10;

    public async Task<LicenseActivityViewModel> ReadAsync(CancellationToken cancellationToken)
    {
        var zone = await dates.ZoneAsync(cancellationToken);
        var days = StoreDays.Last(Days, clock.GetUtcNow(), zone);
        var issued = await ChartAsync(LicenseSql.IssuedPerDay, days, "New licenses", "new-licenses", cancellationToken);
        var activated = await ChartAsync(LicenseSql.ActivatedPerDay, days, "Activations", "activations", cancellationToken);

        var near = db.Licenses.AsNoTracking().Where(LicenseListQuery.NearLimit);
        var total = await near.CountAsync(cancellationToken);
        var shown = await near.OrderByDescending(l => (double)l.ActivationsUsed / l.MaxActivations).ThenByDescending(l => l.Id).Take(NearLimitShown)
            .Select(l => new KeyNearLimit(l.Id, l.Key, l.CustomerEmail, l.ProductName, l.ActivationsUsed, l.MaxActivations))
            .ToListAsync(cancellationToken);
        // Expiry dates are days as Verify counts them (UTC), as the Licenses list's statuses are. The range is on
        // the (RevokedAt, ExpirySort) index: a lifetime key's ExpirySort is far beyond it.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var last = today.AddDays(ExpiringWithinDays);
        var expiring = db.Licenses.AsNoTracking()
            .Where(l => l.RevokedAt == null
                && EF.Property<DateOnly>(l, LicenseConfiguration.ExpirySort) >= today
                && EF.Property<DateOnly>(l, LicenseConfiguration.ExpirySort) <= last
                && l.SuspendedAt == null);
        var expiringTotal = await expiring.CountAsync(cancellationToken);
        var soonest = await expiring.OrderBy(l => l.ExpiresOn).ThenBy(l => l.Id).Take(ExpiringSoonShown)
            .Select(l => new { l.Id, l.Key, l.CustomerEmail, l.ProductName, ExpiresOn = l.ExpiresOn!.Value })
            .ToListAsync(cancellationToken);
        var expiringShown = soonest.ConvertAll(l => new KeyExpiringSoon(l.Id, l.Key, l.CustomerEmail, l.ProductName, l.ExpiresOn, l.ExpiresOn.DayNumber - today.DayNumber));
        return new LicenseActivityViewModel(issued, activated, shown, total, expiringShown, expiringTotal, zone.Id);
    }

    private async Task<DailyChart> ChartAsync(string statement, IReadOnlyList<StoreDay> days, string name, string kind, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        await using var command = database.CreateCommand(string.Format(CultureInfo.InvariantCulture, statement, StoreDaySet.Sql(database.Provider)));
        StoreDaySet.Add(command, database.Provider, days);
        var counts = new Dictionary<int, int>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        var figures = days.Select((d, i) => counts.GetValueOrDefault(i)).Select((count, i) => new DailyFigure(days[i].Day, count, Count(count))).ToList();
        return new DailyChart(name, kind, figures, Count(figures.Sum(f => (int)f.Value)));
    }

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
