using System.Text.Json.Nodes;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.LicensingPages;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Commerce;

/// <summary>The dashboard's per-day sums on PostgreSQL (timestamptz bounds, numeric sums), in a zone 5:45 ahead of UTC.</summary>
public sealed class PostgresDashboardChartsTests
{
    [Fact]
    public async Task On_postgres_revenue_new_licenses_and_activations_are_grouped_by_the_store_day()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = TestSite.Start(o =>
        {
            o.PostgresConnectionString = database.ConnectionString;
            o.Now = new DateTimeOffset(2026, 3, 9, 18, 0, 0, TimeSpan.Zero);
            o.Settings["StoreSite:Licensing:Verify:PermitPerMinute"] = "100000";
        });
        await RunRecipeAsync(site, new JsonObject { ["name"] = "Settings", ["TimeZone"] = "Asia/Kathmandu" });

        // 18:00 UTC is 23:45 on the 9th in Kathmandu; 18:20 UTC is 00:05 on the 10th.
        await site.PaidOrderAsync("late@example.com", quantity: 2);
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 18, 20, 0, TimeSpan.Zero));
        await site.PaidOrderAsync("early@example.com");
        var (_, refunded) = await site.PaidOrderAsync("refunded@example.com");
        var admin = await site.AdminAsync();
        (await admin.SubmitFormAsync($"/admin/orders/{refunded}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Duplicate" })).Dispose();
        var key = (await AllAsync(site)).First(l => l.CustomerEmail == "early@example.com").Key;
        await AssertValidAsync(await VerifyAsync(site.CreateClient(), key, "early-shop.com", "198.51.100.7", from: "198.51.100.7"));

        var page = await admin.GetDocumentAsync("/admin");

        var revenue = ChartReader.Of(page, "revenue-usd");
        Assert.Equal(new Dictionary<string, string> { ["2026-03-09"] = "39.98 USD", ["2026-03-10"] = "19.99 USD" }, revenue.NonZero("0.00 USD"));
        Assert.Equal("59.97 USD", revenue.Total);
        Assert.Equal(30, revenue.Bars.Count);
        Assert.Equal("2026-03-10", revenue.Bars[^1].Day);
        // Keys are counted as issued, whatever became of them (the refunded order's key is revoked).
        Assert.Equal(new Dictionary<string, string> { ["2026-03-09"] = "2", ["2026-03-10"] = "2" }, ChartReader.Of(page, "new-licenses").NonZero("0"));
        Assert.Equal(new Dictionary<string, string> { ["2026-03-10"] = "1" }, ChartReader.Of(page, "activations").NonZero("0"));
        Assert.Equal([key], page.QuerySelectorAll(".keys-near-limit-list .license-key").Select(a => a.TextContent.Trim()));
        Assert.Equal([key], await LicensePages.KeysAsync(admin, "/admin/licenses?usage=near-limit"));
    }
}
