using System.Net;
using CP.Licensing.Models;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>The list's generated columns, collation and query shapes, and the slot changes, on PostgreSQL.</summary>
public sealed class PostgresLicensingPagesTests
{
    [Fact]
    public async Task Search_filter_order_export_and_slot_changes_work_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o =>
        {
            o.PostgresConnectionString = database.ConnectionString;
            o.Now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        });
        await CreateCustomerAsync(site, "Zoe.Major@Example.org");
        var keys = await LicensePages.ImportAsync(
            site,
            License(product: "Gallery Pro", expiry: null, max: 2, activations: [("a.example.com", "10.0.0.1"), ("b.example.com", "10.0.0.2")]),
            License(product: "Forms Plus", expiry: "2026-05-31"),
            License(email: "Zoe.Major@Example.org", product: "gallery lite", expiry: "2027-01-01", status: "Revoked"));
        var admin = await site.AdminAsync();

        Assert.Equal([keys[2], keys[0]], await LicensePages.KeysAsync(admin, "/admin/licenses?q=GALLERY"));
        Assert.Equal([keys[2]], await LicensePages.KeysAsync(admin, "/admin/licenses?q=zoe.m"));
        Assert.Equal([keys[1]], await LicensePages.KeysAsync(admin, "/admin/licenses?q=" + keys[1][..13].ToLowerInvariant()));
        Assert.Equal([keys[1]], await LicensePages.KeysAsync(admin, "/admin/licenses?q=" + keys[1][3..9]));
        Assert.Equal([keys[1]], await LicensePages.KeysAsync(admin, "/admin/licenses?q=" + keys[1][^6..]));
        Assert.Equal([keys[1]], await LicensePages.KeysAsync(admin, "/admin/licenses?status=expired"));
        Assert.Equal([keys[2]], await LicensePages.KeysAsync(admin, "/admin/licenses?status=revoked"));
        Assert.Equal([keys[1], keys[2], keys[0]], await LicensePages.KeysAsync(admin, "/admin/licenses?sort=expiry-asc"));
        Assert.Equal([keys[0], keys[2], keys[1]], await LicensePages.KeysAsync(admin, "/admin/licenses?sort=expiry-desc"));
        using var export = await admin.GetAsync("/admin/licenses/export?q=gallery%20pro");
        var csv = await export.Content.ReadAsStringAsync();
        Assert.Contains(keys[0], csv, StringComparison.Ordinal);
        Assert.Contains("a.example.com (10.0.0.1); b.example.com (10.0.0.2)", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(keys[2], csv, StringComparison.Ordinal);

        var id = await LicensePages.IdOfAsync(site, keys[0]);
        using var refused = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.max-activations-form", new Dictionary<string, string> { ["MaxActivations"] = "1" });
        Assert.Equal("This key has 2 environments; remove 1 before lowering the limit to 1.", Html.FieldError(await Html.ParseAsync(refused), "MaxActivations"));
        var environment = (await LoadAsync(site, keys[0])).Activations.First(a => a.Domain == "a.example.com");
        using var freed = await admin.SubmitFormAsync($"/admin/licenses/{id}", $"tr[data-environment-id='{environment.Id}'] form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, freed.StatusCode);
        await AssertValidAsync(await VerifyAsync(site.CreateClient(), keys[0], "c.example.com", from: "10.0.0.3"));
        using var lowered = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.max-activations-form", new Dictionary<string, string> { ["MaxActivations"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, lowered.StatusCode);
        var license = await LoadAsync(site, keys[0]);
        Assert.Equal((3, 2, 2), (license.MaxActivations, license.ActivationsUsed, license.Activations.Count));
        Assert.Contains(license.Events, e => e.Kind == LicenseEventKind.SlotFreed);
        Assert.Contains(license.Events, e => e.Kind == LicenseEventKind.MaxActivationsChanged);
    }

    [Fact]
    public async Task A_keys_environments_and_history_page_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o => o.PostgresConnectionString = database.ConnectionString);
        await RunRecipeAsync(site, new System.Text.Json.Nodes.JsonObject { ["name"] = "Settings", ["PageSize"] = 5 });
        var key = (await LicensePages.ImportAsync(site, License(max: 0, activations: [.. Enumerable.Range(1, 12).Select(n => ($"site{n:D2}.example.com", $"10.0.0.{n}"))]))).Single();
        var id = await LicensePages.IdOfAsync(site, key);
        var admin = await site.AdminAsync();
        for (var i = 0; i < 6; i++)
        {
            var first = await admin.GetDocumentAsync($"/admin/licenses/{id}");
            using var freed = await admin.SubmitFormAsync(first, "form.free-slot-form", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, freed.StatusCode);
        }

        var page = await admin.GetDocumentAsync($"/admin/licenses/{id}?environments=2&history=2");

        Assert.Equal("6 environments", page.QuerySelector(".environment-count")?.TextContent.Trim());
        Assert.Equal(["site12.example.com"], LicensePages.Rows(page, "table.environments").Select(r => r["Domain"]));
        Assert.Equal("7 entries", page.QuerySelector(".history-count")?.TextContent.Trim());
        Assert.Equal(["Slot freed", "Slot freed"], LicensePages.Rows(page, "table.history").Select(r => r["What"]));
        Assert.Contains("site06.example.com", LicensePages.Rows(page, "table.history")[^1]["Details"], StringComparison.Ordinal);
    }
}
