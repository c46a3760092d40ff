using System.Globalization;
using CP.Commerce.Data;
using CP.Commerce.Models;
using CP.Commerce.Services;
using CP.Commerce.ViewModels;
using Microsoft.EntityFrameworkCore;
using StoreSite.Charts;
using StoreSite.Data;
using StoreSite.Settings;

namespace CP.Commerce.Orders;

/// <summary>
/// The admin dashboard's sales: revenue per day over the last <see cref="Days"/> days in the store's
/// time zone, one chart per currency the orders were paid in (orders keep their currency), summed in
/// the database (<see cref="OrderSql.RevenuePerDay"/>); and the latest orders.
/// Revenue is what stayed paid: an order counts on the day it was paid while it is Paid; once
/// refunded (or refunding) it leaves the chart, on the day it had been paid.
/// </summary>
public sealed class SalesFigures(CommerceDbContext db, SiteDatabase database, SiteDates dates, ISiteSettingsStore settings, TimeProvider clock)
{
    public const int Days = 30;

    /// <summary>The latest orders the dashboard lists.</summary>
    public const int RecentCount = 10;

    public async Task<SalesDashboardViewModel> ReadAsync(CancellationToken cancellationToken)
    {
        var zone = await dates.ZoneAsync(cancellationToken);
        var days = StoreDays.Last(Days, clock.GetUtcNow(), zone);
        var revenue = await RevenueAsync(days, cancellationToken);
        var storeCurrency = (await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken)).Currency;
        var currencies = revenue.Keys.Append(storeCurrency).Distinct(StringComparer.Ordinal)
            .OrderBy(c => c == storeCurrency ? 0 : 1).ThenBy(c => c, StringComparer.Ordinal);
        var charts = currencies.Select(currency => Chart(currency, days, revenue.GetValueOrDefault(currency))).ToList();

        var recent = await db.Orders.AsNoTracking().OrderByDescending(o => o.Id).Take(RecentCount)
            .Select(o => new RecentOrder(o.Number, o.CustomerEmail, o.Status, o.Total, o.Currency, o.CreatedAt))
            .ToListAsync(cancellationToken);
        return new SalesDashboardViewModel(charts, recent, zone.Id);
    }

    /// <summary>Per currency, the revenue of each day index that had any.</summary>
    private async Task<Dictionary<string, Dictionary<int, decimal>>> RevenueAsync(IReadOnlyList<StoreDay> days, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        await using var command = database.CreateCommand(OrderSql.RevenuePerDay(database.Provider));
        StoreDaySet.Add(command, database.Provider, days);
        var revenue = new Dictionary<string, Dictionary<int, decimal>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
            var currency = reader.GetString(1);
            if (!revenue.TryGetValue(currency, out var perDay))
            {
                revenue[currency] = perDay = [];
            }

            perDay[day] = OrderSql.RevenueOf(database.Provider, reader.GetValue(2));
        }

        return revenue;
    }

    private static DailyChart Chart(string currency, IReadOnlyList<StoreDay> days, Dictionary<int, decimal>? perDay)
    {
        var figures = days.Select((d, i) =>
        {
            var value = perDay?.GetValueOrDefault(i) ?? 0m;
            return new DailyFigure(d.Day, value, Money.Format(value, currency));
        }).ToList();
        return new DailyChart($"Revenue ({currency})", "revenue-" + currency.ToLowerInvariant(), figures, Money.Format(figures.Sum(f => f.Value), currency));
    }
}
