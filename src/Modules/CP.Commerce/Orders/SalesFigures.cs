using System.Globalization;
using CP.Commerce.Data;
using CP.Commerce.Events;
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
/// refunded (or refunding) it leaves the chart, on the day it had been paid. The same days' revenue is also
/// split by kind of line (new sales, renewals, upgrades: <see cref="OrderSql.RevenueByKind"/>).
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
        var ordered = currencies.ToList();
        var charts = ordered.ConvertAll(currency => Chart(currency, days, revenue.GetValueOrDefault(currency)));
        var byKind = await RevenueByKindAsync(days, cancellationToken);
        var split = ordered.ConvertAll(currency =>
        {
            decimal Of(OrderLineKind kind) => byKind.GetValueOrDefault((currency, kind));
            return new RevenueSplit(currency, Money.Format(Of(OrderLineKind.New), currency), Money.Format(Of(OrderLineKind.Renewal), currency), Money.Format(Of(OrderLineKind.Upgrade), currency));
        });

        var recent = await db.Orders.AsNoTracking().OrderByDescending(o => o.Id).Take(RecentCount)
            .Select(o => new RecentOrder(o.Number, o.CustomerEmail, o.Status, o.Total, o.Currency, o.CreatedAt))
            .ToListAsync(cancellationToken);
        return new SalesDashboardViewModel(charts, split, recent, zone.Id);
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

    /// <summary>The days' revenue per currency and kind of line (<see cref="OrderSql.RevenueByKind"/>).</summary>
    private async Task<Dictionary<(string Currency, OrderLineKind Kind), decimal>> RevenueByKindAsync(IReadOnlyList<StoreDay> days, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        await using var command = database.CreateCommand(OrderSql.RevenueByKind(database.Provider));
        StoreDaySet.Add(command, database.Provider, days);
        var revenue = new Dictionary<(string, OrderLineKind), decimal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var kind = (OrderLineKind)Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            revenue[(reader.GetString(0), kind)] = OrderSql.RevenueOf(database.Provider, reader.GetValue(2));
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
