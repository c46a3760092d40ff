using System.Text.Json.Nodes;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>The admin dashboard's License activity (new licenses, activations per day) and Keys near their limit cards.</summary>
public sealed class DashboardLicensingTests
{
    private static JsonObject Zone(string zone) => new() { ["name"] = "Settings", ["TimeZone"] = zone };

    private static (string Domain, string Ip)[] Environments(int count) =>
        Enumerable.Range(1, count).Select(i => ($"site{i}.example.com", $"203.0.113.{i}")).ToArray();

    [Fact]
    public async Task New_licenses_and_activations_are_counted_on_the_store_day_they_happened()
    {
        // Paris is UTC+1 in March: 23:30 UTC on the 9th is 00:30 on the 10th.
        await using var site = await LicensingSite.StartAsync(o => o.Now = new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero));
        await RunRecipeAsync(site, Zone("Europe/Paris"));
        var keys = await LicensePages.ImportAsync(site, License(), License(max: 1));
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, keys[0], "one-shop.com", "198.51.100.1", from: "198.51.100.1"));

        site.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.Zero));
        await LicensePages.ImportAsync(site, License());
        await AssertValidAsync(await VerifyAsync(api, keys[0], "two-shop.com", "198.51.100.2", from: "198.51.100.2"));
        await AssertValidAsync(await VerifyAsync(api, keys[1], "three-shop.com", "198.51.100.3", from: "198.51.100.3"));
        // A known environment again, and a refusal at the limit, are no new activations.
        await AssertValidAsync(await VerifyAsync(api, keys[0], "two-shop.com", "198.51.100.2", from: "198.51.100.2"));
        var refused = await JsonAsync(await VerifyAsync(api, keys[1], "four-shop.com", "198.51.100.4", from: "198.51.100.4"));
        Assert.False(refused.GetProperty("valid").GetBoolean(), refused.ToString());

        site.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        var page = await (await site.AdminAsync()).GetDocumentAsync("/admin");

        var issued = ChartReader.Of(page, "new-licenses");
        Assert.Equal(new Dictionary<string, string> { ["2026-03-09"] = "2", ["2026-03-10"] = "1" }, issued.NonZero("0"));
        Assert.Equal("3", issued.Total);
        var activations = ChartReader.Of(page, "activations");
        Assert.Equal(new Dictionary<string, string> { ["2026-03-09"] = "1", ["2026-03-10"] = "2" }, activations.NonZero("0"));
        Assert.Equal(30, activations.Bars.Count);
        Assert.Equal(activations.Rows.Select(r => (r.Day, r.Text)), activations.Bars.Select(b => (b.Day, b.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(("2026-02-09", "2026-03-10"), (activations.Bars[0].Day, activations.Bars[^1].Day));
    }

    [Fact]
    public async Task Keys_near_their_limit_are_listed_fullest_first_and_link_to_the_filtered_list()
    {
        await using var site = await LicensingSite.StartAsync();
        var keys = await LicensePages.ImportAsync(
            site,
            License(max: 5, activations: Environments(4)),
            License(max: 5, activations: Environments(3)),
            License(max: 1, activations: Environments(1)),
            License(max: 0, activations: Environments(6)),
            License(max: 2, status: "Revoked", activations: Environments(2)),
            License(max: 10, activations: Environments(8)));
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin");

        var listed = page.QuerySelectorAll(".keys-near-limit-list li").ToList();
        Assert.Equal([keys[2], keys[5], keys[0]], listed.Select(li => li.QuerySelector(".license-key")!.TextContent.Trim()));
        Assert.Equal(["1 of 1", "8 of 10", "4 of 5"], listed.Select(li => li.QuerySelector(".usage")!.TextContent.Trim()));
        var id = await LicensePages.IdOfAsync(site, keys[2]);
        Assert.Equal($"/admin/licenses/{id}", listed[0].QuerySelector("a")!.GetAttribute("href"));
        var link = page.QuerySelector(".keys-near-limit a.near-limit-link")!.GetAttribute("href")!;
        Assert.Equal("/admin/licenses?usage=near-limit", link);

        var list = await admin.GetDocumentAsync(link);
        Assert.Equal(new[] { keys[0], keys[2], keys[5] }.Order(), LicensePages.Rows(list).Select(r => r["License Key"]).Order());
        Assert.NotNull(list.QuerySelector("select[name='usage'] option[value='near-limit'][selected]"));
        // The filter carries on to the export and combines with the others.
        Assert.Contains("usage=near-limit", list.QuerySelector("a.export-link")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal([keys[2]], await LicensePages.KeysAsync(admin, "/admin/licenses?usage=near-limit&q=" + Uri.EscapeDataString(keys[2])));
        Assert.Equal(6, (await LicensePages.KeysAsync(admin, "/admin/licenses?usage=anything")).Count);
    }

    [Fact]
    public async Task The_card_shows_the_first_ten_keys_near_their_limit_and_counts_the_rest()
    {
        await using var site = await LicensingSite.StartAsync();
        await LicensePages.ImportAsync(site, Enumerable.Range(0, 12).Select(_ => License(max: 1, activations: Environments(1))).ToArray());

        var page = await (await site.AdminAsync()).GetDocumentAsync("/admin");

        Assert.Equal(10, page.QuerySelectorAll(".keys-near-limit-list li").Length);
        Assert.Equal("All 12 keys near their limit", page.Text(".keys-near-limit a.near-limit-link"));
    }

    [Fact]
    public async Task Without_licenses_the_cards_say_so()
    {
        await using var site = await LicensingSite.StartAsync();

        var page = await (await site.AdminAsync()).GetDocumentAsync("/admin");

        Assert.Equal("No key has used 80% or more of its activations.", page.Text(".keys-near-limit .none-near-limit"));
        Assert.All(ChartReader.Of(page, "new-licenses").Rows, r => Assert.Equal("0", r.Text));
        Assert.Equal("0", ChartReader.Of(page, "activations").Total);
    }

    [Fact]
    public async Task Working_keys_expiring_in_the_next_30_days_are_listed_soonest_first_with_the_days_left()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        var keys = await LicensePages.ImportAsync(
            site,
            License(expiry: "2026-04-09"),
            License(expiry: "2026-03-10"),
            License(expiry: "2026-04-10"),
            License(expiry: "2026-03-09"),
            License(expiry: "2026-03-11", status: "Suspended"),
            License(expiry: "2026-03-12", status: "Revoked"),
            License(),
            License(expiry: "2026-03-25"));
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin");

        var listed = page.QuerySelectorAll(".keys-expiring-list li").ToList();
        Assert.Equal([keys[1], keys[7], keys[0]], listed.Select(li => li.QuerySelector(".license-key")!.TextContent.Trim()));
        Assert.Equal(["2026-03-10 today", "2026-03-25 in 15 days", "2026-04-09 in 30 days"], listed.Select(li => li.QuerySelector(".nowrap")!.TextContent.Trim()));
        var id = await LicensePages.IdOfAsync(site, keys[1]);
        Assert.Equal($"/admin/licenses/{id}", listed[0].QuerySelector("a")!.GetAttribute("href"));
        var link = page.QuerySelector(".keys-expiring-soon a.expiring-link")!.GetAttribute("href")!;
        Assert.Equal("/admin/licenses?status=active&sort=expiry-asc", link);
        Assert.Equal([keys[1], keys[7], keys[0], keys[2]], (await LicensePages.KeysAsync(admin, link)).Take(4));
    }

    [Fact]
    public async Task Without_keys_expiring_soon_the_card_says_so()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        await LicensePages.ImportAsync(site, License(expiry: "2026-05-01"), License());

        var page = await (await site.AdminAsync()).GetDocumentAsync("/admin");

        Assert.Empty(page.QuerySelectorAll(".keys-expiring-list li"));
        Assert.Equal("No working key expires in the next 30 days.", page.Text(".keys-expiring-soon .none-expiring"));
    }
}
