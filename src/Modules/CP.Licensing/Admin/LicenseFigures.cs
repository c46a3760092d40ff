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
/// their limit (<see cref="LicenseListQuery.NearLimit"/>), fullest first.
/// </summary>
public sealed class LicenseFigures(LicensingDbContext db, SiteDatabase database, SiteDates dates, TimeProvider clock)
{
    public const int Days = 30;

    /// <summary>Keys near their limit listed on the card; the list filter shows them all.</summary>
    public const int NearLimitShown = 10;

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
        return new LicenseActivityViewModel(issued, activated, shown, total, zone.Id);
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
