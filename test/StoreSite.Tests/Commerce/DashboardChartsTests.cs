using System.Globalization;
using System.Text.Json.Nodes;
using StoreSite.Charts;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Commerce;

/// <summary>
/// The admin dashboard's Revenue and Recent orders cards. Revenue counts an order on the store day it
/// was paid while it stays Paid: a refunded order's money went back, so it leaves the chart (on its
/// paid day) rather than showing as a negative on the day of the refund.
/// </summary>
public sealed class DashboardChartsTests
{
    private static JsonObject Settings(string? zone = null, string? currency = null)
    {
        var step = new JsonObject { ["name"] = "Settings" };
        if (zone is not null)
        {
            step["TimeZone"] = zone;
        }

        if (currency is not null)
        {
            step["Currency"] = currency;
        }

        return step;
    }

    [Fact]
    public async Task Revenue_per_day_counts_paid_orders_on_the_store_day_they_were_paid_per_currency_and_not_refunded_ones()
    {
        // New York: UTC-5 until 2026-03-08 02:00, UTC-4 after.
        await using var site = TestSite.Start(o => o.Now = new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero));
        await RunRecipeAsync(site, Settings(zone: "America/New_York"));
        await site.PaidOrderAsync("first@example.com");

        // 03:30 UTC on the 9th is 23:30 on the 8th in New York: the order belongs to the 8th.
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 3, 30, 0, TimeSpan.Zero));
        await site.PaidOrderAsync("late@example.com", quantity: 2);
        var (_, refunded) = await site.PaidOrderAsync("refunded@example.com");
        var admin = await site.AdminAsync();
        (await admin.SubmitFormAsync($"/admin/orders/{refunded}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Duplicate" })).Dispose();

        // 04:30 UTC on the 9th is 00:30 on the 9th: the next day.
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 4, 30, 0, TimeSpan.Zero));
        await site.PaidOrderAsync("early@example.com");

        // The store now sells in euros; the dollar orders keep their currency.
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        await RunRecipeAsync(site, Settings(currency: "EUR"));
        await site.PaidOrderAsync("euro@example.com");

        admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync("/admin");

        Assert.Equal(["revenue-eur", "revenue-usd"], page.QuerySelectorAll(".sales-dashboard figure.chart").Select(f => f.GetAttribute("data-chart")));
        var usd = ChartReader.Of(page, "revenue-usd");
        Assert.Equal(
            new Dictionary<string, string> { ["2026-03-01"] = "19.99 USD", ["2026-03-08"] = "39.98 USD", ["2026-03-09"] = "19.99 USD" },
            usd.NonZero("0.00 USD"));
        Assert.Equal("79.96 USD", usd.Total);
        Assert.Equal("Revenue (USD), 2026-02-09 to 2026-03-10: 79.96 USD in all, at most 39.98 USD a day", usd.Label);
        var eur = ChartReader.Of(page, "revenue-eur");
        Assert.Equal(new Dictionary<string, string> { ["2026-03-10"] = "19.99 EUR" }, eur.NonZero("0.00 EUR"));

        // One bar per day, the same days and numbers as the table; the best day is full height.
        var bars = usd.Bars;
        Assert.Equal(30, bars.Count);
        Assert.Equal(usd.Rows.Select(r => r.Day), bars.Select(b => b.Day));
        Assert.Equal(usd.Rows.Select(r => r.Text), bars.Select(b => CP.Commerce.Services.Money.Format(b.Value, "USD")));
        Assert.Equal("2026-02-09", bars[0].Day);
        Assert.Equal("2026-03-10", bars[^1].Day);
        Assert.Equal(DailyChart.Height, bars.Single(b => b.Day == "2026-03-08").Height);
        Assert.Equal(DailyChart.Height / 2.0, bars.Single(b => b.Day == "2026-03-01").Height, 1);
        Assert.Equal(0, bars.Single(b => b.Day == "2026-03-02").Height);
    }

    [Fact]
    public async Task Recent_orders_lists_the_latest_ten_newest_first_each_linked_to_its_page()
    {
        await using var site = TestSite.Start(o => o.Now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        var numbers = new List<string>();
        var buyer = await site.RegisterCustomerAsync("buyer@example.com");
        for (var i = 0; i < 11; i++)
        {
            (await buyer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
            using var checkout = await buyer.CheckoutAsync();
            numbers.Add(checkout.Headers.Location!.OriginalString["/checkout/done/".Length..]);
            site.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var page = await (await site.AdminAsync()).GetDocumentAsync("/admin");

        var listed = page.QuerySelectorAll(".recent-orders-list li").ToList();
        Assert.Equal(Enumerable.Reverse(numbers).Take(10), listed.Select(li => li.GetAttribute("data-order")));
        Assert.Equal($"/admin/orders/{numbers[^1]}", listed[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("buyer@example.com", listed[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("19.99 USD", listed[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-03-10 12:10 UTC", listed[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("/admin/orders", page.QuerySelector(".recent-orders a[href='/admin/orders']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_empty_store_shows_thirty_empty_days_and_no_orders()
    {
        await using var site = TestSite.Start(o => o.Now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));

        var page = await (await site.AdminAsync()).GetDocumentAsync("/admin");

        var usd = ChartReader.Of(page, "revenue-usd");
        Assert.Equal(30, usd.Bars.Count);
        Assert.All(usd.Bars, b => Assert.Equal(0, b.Height));
        Assert.All(usd.Rows, r => Assert.Equal("0.00 USD", r.Text));
        Assert.Equal("0.00 USD", usd.Total);
        Assert.Equal("No orders yet.", page.Text(".recent-orders .no-orders"));
        Assert.Equal(30, ChartReader.Of(page, "new-licenses").Bars.Count);
        Assert.Equal(30, ChartReader.Of(page, "activations").Bars.Count);
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task A_partly_refunded_order_counts_on_its_paid_day_less_the_refunded_lines()
    {
        await using var site = TestSite.Start(o => o.Now = new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero));
        var customer = await site.RegisterCustomerAsync("two-lines@example.com");
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.Agency)).Dispose();
        using var paid = await customer.CheckoutAsync();
        var number = paid.Headers.Location!.OriginalString["/checkout/done/".Length..];
        var single = (await site.OrderAsync(number)).Lines.Single(l => l.PlanName == Store.SingleSite);

        var admin = await site.AdminAsync();
        (await StoreSite.Tests.Refunds.RefundArrange.RefundLinesAsync(admin, number, "One line back", single.LineNumber)).Dispose();
        Assert.Equal(CP.Commerce.Models.OrderStatus.PartiallyRefunded, (await site.OrderAsync(number)).Status);

        var usd = ChartReader.Of(await admin.GetDocumentAsync("/admin"), "revenue-usd");
        Assert.Equal(new Dictionary<string, string> { ["2026-03-01"] = "149.00 USD" }, usd.NonZero("0.00 USD"));
    }

    [Fact]
    public async Task Only_users_who_manage_orders_see_revenue_and_only_those_who_manage_licenses_see_license_activity()
    {
        await using var site = TestSite.Start();
        var result = await site.RunRecipeAsync("""
            {
              "name": "roles",
              "steps": [
                { "name": "Roles", "Roles": [
                  { "Name": "Support", "Permissions": [ "AccessAdminPanel", "ManageUsers" ] },
                  { "Name": "KeyKeeper", "Permissions": [ "AccessAdminPanel", "ManageLicenses" ] } ] },
                { "name": "Users", "Users": [
                  { "email": "support@example.com", "password": "Support-Passw0rd", "roles": [ "Support" ] },
                  { "email": "keys@example.com", "password": "Keys-Passw0rd1", "roles": [ "KeyKeeper" ] } ] }
              ]
            }
            """);
        Assert.True(result.Succeeded, result.Error);

        var support = await (await site.SignInAsync("support@example.com", "Support-Passw0rd")).GetDocumentAsync("/admin");
        var keys = await (await site.SignInAsync("keys@example.com", "Keys-Passw0rd1")).GetDocumentAsync("/admin");
        var admin = await (await site.AdminAsync()).GetDocumentAsync("/admin");

        Assert.Empty(support.QuerySelectorAll(".sales-dashboard, .recent-orders, .license-activity, .keys-near-limit"));
        Assert.Empty(keys.QuerySelectorAll(".sales-dashboard, .recent-orders"));
        Assert.NotNull(keys.QuerySelector(".license-activity"));
        Assert.NotNull(keys.QuerySelector(".keys-near-limit"));
        Assert.NotNull(admin.QuerySelector(".sales-dashboard"));
        Assert.NotNull(admin.QuerySelector(".recent-orders"));
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08", "2026-03-08T05:00:00Z", 23)]
    [InlineData("America/New_York", "2026-11-01", "2026-11-01T04:00:00Z", 25)]
    [InlineData("Europe/Paris", "2026-03-10", "2026-03-09T23:00:00Z", 24)]
    [InlineData("Asia/Kathmandu", "2026-03-10", "2026-03-09T18:15:00Z", 24)]
    [InlineData("UTC", "2026-03-10", "2026-03-10T00:00:00Z", 24)]
    public void A_store_day_runs_from_its_local_midnight_to_the_next(string zone, string day, string start, int hours)
    {
        var date = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var days = StoreDays.Last(3, StoreDays.StartOf(date, timeZone).AddHours(12), timeZone);

        Assert.Equal([date.AddDays(-2), date.AddDays(-1), date], days.Select(d => d.Day));
        Assert.Equal(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture), days[^1].Start);
        Assert.Equal(TimeSpan.FromHours(hours), days[^1].End - days[^1].Start);
        Assert.Equal(days[1].End, days[2].Start);
    }

    [Fact]
    public void Where_a_clock_change_skips_midnight_the_day_starts_at_the_first_minute_that_exists()
    {
        // Santiago moved its clocks from 00:00 to 01:00 on 2026-09-06.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var start = StoreDays.StartOf(new DateOnly(2026, 9, 6), zone);

        Assert.Equal(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero), start);
    }
}
