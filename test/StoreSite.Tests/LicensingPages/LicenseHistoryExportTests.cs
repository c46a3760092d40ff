using System.Net;
using CsvHelper;
using CP.Licensing.ViewModels;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>The history CSV: one key's (from its admin page) and every entry of the licenses the list's filter matches.</summary>
public sealed class LicenseHistoryExportTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_key_s_history_exports_from_its_page_oldest_first_with_who_and_why_and_formulas_escaped()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var keys = await LicensePages.ImportAsync(site, License(product: "Gallery Pro"), License(product: "Forms Plus"));
        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, keys[0]);
        await LicensePages.FollowAsync(admin, await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.suspend-form", new Dictionary<string, string> { ["Reason"] = "=1+1 chargeback, \"open\"" }));

        var link = (await admin.GetDocumentAsync($"/admin/licenses/{id}")).QuerySelector("a.export-history-link")?.GetAttribute("href");
        Assert.Equal($"/admin/licenses/{id}/history/export", link);
        using var response = await admin.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("license-history-2026-03-10.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var rows = await ReadCsvAsync(response);
        Assert.Equal(["Imported", "Suspended"], rows.Select(r => r["What"]));
        Assert.All(rows, r => Assert.Equal(keys[0], r["License Key"]));
        Assert.Equal(["recipe", TestSite.AdminEmail], rows.Select(r => r["Who"]));
        Assert.Equal("2026-03-10T12:00:00Z", rows[0]["At (UTC)"]);
        Assert.Contains("chargeback, \"open\"", rows[1]["Detail"], StringComparison.Ordinal);
        Assert.False(rows[1]["Detail"].StartsWith('='), rows[1]["Detail"]);
    }

    [Fact]
    public async Task The_list_s_history_export_holds_every_entry_of_the_filtered_licenses_only()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var keys = await LicensePages.ImportAsync(
            site,
            License(product: "Gallery Pro"),
            License(product: "Gallery Pro", status: "Revoked"),
            License(product: "Forms Plus", status: "Suspended"));
        var admin = await site.AdminAsync();

        var link = (await admin.GetDocumentAsync("/admin/licenses?q=gallery")).QuerySelector("a.export-history-link")?.GetAttribute("href");
        Assert.Equal("/admin/licenses/history/export?q=gallery", link);
        var rows = await ReadCsvAsync(await admin.GetAsync(link));

        Assert.Equal(
            [(keys[0], "Imported"), (keys[1], "Imported"), (keys[1], "Revoked")],
            rows.Select(r => (r["License Key"], r["What"])));
        var suspended = await ReadCsvAsync(await admin.GetAsync("/admin/licenses/history/export?status=suspended"));
        Assert.Equal([(keys[2], "Imported"), (keys[2], "Suspended")], suspended.Select(r => (r["License Key"], r["What"])));
        Assert.Empty(await ReadCsvAsync(await admin.GetAsync("/admin/licenses/history/export?q=nothing-matches-this")));
    }

    [Fact]
    public async Task Generate_with_a_plan_and_both_history_exports_work_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o =>
        {
            o.PostgresConnectionString = database.ConnectionString;
            o.Now = Noon;
        });
        var keys = await LicensePages.ImportAsync(site, License(product: "Forms Plus", status: "Revoked"));
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync("/admin/licenses/generate");
        var plan = page.QuerySelectorAll("select[name='PlanId'] option").Single(o => o.TextContent.Trim() == "Agency (5 sites)").GetAttribute("value")!;

        using var filled = await admin.SubmitFormAsync(page, "form.generate-form", new Dictionary<string, string> { ["CustomerEmail"] = CustomerEmail, ["PlanId"] = plan, ["Step"] = "plan" });
        var detail = await LicensePages.FollowAsync(admin, await admin.SubmitFormAsync(await Html.ParseAsync(filled), "form.generate-form", new Dictionary<string, string> { ["OrderReference"] = "EXT-9" }));

        var generated = (await AllAsync(site)).Single(l => l.Key != keys[0]);
        Assert.Equal([5, 2027], [generated.MaxActivations, generated.ExpiresOn!.Value.Year]);
        Assert.Equal("Site Builder Pro", generated.ProductName);
        Assert.Equal("EXT-9", generated.OrderNumber);
        var own = await ReadCsvAsync(await admin.GetAsync(detail.QuerySelector("a.export-history-link")!.GetAttribute("href")));
        Assert.Equal([(generated.Key, "Issued")], own.Select(r => (r["License Key"], r["What"])));
        var all = await ReadCsvAsync(await admin.GetAsync("/admin/licenses/history/export?sort=issued-asc"));
        Assert.Equal([(keys[0], "Imported"), (keys[0], "Revoked"), (generated.Key, "Issued")], all.Select(r => (r["License Key"], r["What"])));
    }

    [Theory]
    [InlineData("/admin/licenses/999999/history/export")]
    [InlineData("/admin/licenses/abc/history/export")]
    public async Task An_unknown_key_s_history_answers_404(string url)
    {
        await using var site = await LicensingSite.StartAsync();
        var admin = await site.AdminAsync();

        using var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<List<Dictionary<string, string>>> ReadCsvAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var csv = CsvReader.Create(body, options: null, leaveOpen: false);
        await csv.ReadHeaderAsync(CancellationToken.None);
        Assert.Equal(LicenseHistoryCsv.Header, csv.Headers);
        var rows = new List<Dictionary<string, string>>();
        while (await csv.ReadAsync(CancellationToken.None))
        {
            rows.Add(csv.Headers.ToDictionary(h => h, h => csv.GetString(h)));
        }

        return rows;
    }
}
