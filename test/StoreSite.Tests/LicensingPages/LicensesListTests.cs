using System.Net;
using CsvHelper;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>Admin -> Licenses: the table, its search, status filter, order, paging and CSV export.</summary>
public sealed class LicensesListTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_table_has_the_seven_headers_and_shows_lifetime_unlimited_and_status_badges()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var keys = await LicensePages.ImportAsync(
            site,
            License(product: "Gallery Pro", expiry: null, max: 0),
            License(product: "Forms Plus", expiry: "2026-03-09", max: 3, activations: ("a.example", "10.0.0.1")),
            License(product: "Slider", expiry: "2027-01-31", max: 5, status: "Revoked"),
            License(product: "Slider", expiry: "2026-03-10", max: 1));
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync(LicensePages.ListUrl);

        Assert.Equal(LicensePages.Headers, page.QuerySelectorAll("table.licenses thead th[scope='col']").Select(h => h.TextContent.Trim()));
        var rows = LicensePages.Rows(page).ToDictionary(r => r["License Key"]);
        Assert.Equal(keys.Order(), rows.Keys.Order());
        Assert.Equal(["Gallery Pro", "Lifetime", "Unlimited", "0", "Active"], Cells(rows[keys[0]]));
        Assert.Equal(["Forms Plus", "2026-03-09", "3", "1", "Expired"], Cells(rows[keys[1]]));
        Assert.Equal(["Slider", "2027-01-31", "5", "0", "Revoked"], Cells(rows[keys[2]]));
        Assert.Equal(["Slider", "2026-03-10", "1", "0", "Active"], Cells(rows[keys[3]]));
        Assert.Equal(CustomerEmail, rows[keys[0]]["Customer"]);
        var customerId = await LicensePages.UserIdOfAsync(site, CustomerEmail);
        Assert.All(page.QuerySelectorAll("table.licenses tbody td:nth-child(2) a"), a => Assert.Equal($"/admin/users/{Uri.EscapeDataString(customerId)}", a.GetAttribute("href")));
        Assert.Equal(["badge-active", "badge-expired", "badge-revoked"], page.QuerySelectorAll("table.licenses .badge").Select(b => b.ClassList.First(c => c.StartsWith("badge-", StringComparison.Ordinal))).Distinct().Order());
        var id = await LicensePages.IdOfAsync(site, keys[0]);
        Assert.Equal($"/admin/licenses/{id}", page.QuerySelector($"tr[data-license-id='{id}'] td a.license-key")?.GetAttribute("href"));
        Assert.Contains("Licenses", (await admin.GetDocumentAsync("/admin")).QuerySelectorAll("nav.admin-menu a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task Search_finds_keys_by_their_start_or_any_part_and_customers_and_products_by_their_start_in_any_case()
    {
        await using var site = await LicensingSite.StartAsync();
        await CreateCustomerAsync(site, "Alice.Smith@Example.com");
        var keys = await LicensePages.ImportAsync(
            site,
            License(product: "Gallery Pro"),
            License(product: "Forms Plus"),
            License(email: "Alice.Smith@Example.com", product: "Slider Gallery"));
        var admin = await site.AdminAsync();
        var key = keys[1];

        Assert.Equal([key], await SearchAsync(admin, key));
        Assert.Equal([key], await SearchAsync(admin, key.ToLowerInvariant()));
        Assert.Equal([key], await SearchAsync(admin, "  " + key[..12]));
        Assert.Equal([key], await SearchAsync(admin, key[3..13]));
        Assert.Equal([key], await SearchAsync(admin, key[^6..]));
        Assert.Equal([key], await SearchAsync(admin, key[18..26]));
        Assert.Equal([key], await SearchAsync(admin, key[26..30]));
        Assert.Equal([keys[2]], await SearchAsync(admin, "alice"));
        Assert.Equal([keys[2]], await SearchAsync(admin, "ALICE.SMITH@EXAMPLE.COM"));
        Assert.Equal([keys[1], keys[0]], await SearchAsync(admin, "buyer@"));
        Assert.Equal([keys[0]], await SearchAsync(admin, "gallery"));
        Assert.Equal([keys[2]], await SearchAsync(admin, "Slider G"));
        Assert.Empty(await SearchAsync(admin, "Pro"));
        Assert.Empty(await SearchAsync(admin, "no such thing"));
        var page = await admin.GetDocumentAsync("/admin/licenses?q=nothing-like-it");
        Assert.Equal("No licenses match.", page.QuerySelector("main p.muted:last-of-type")?.TextContent.Trim());
        Assert.Null(page.QuerySelector(".search-too-short"));
        // No key holds I, L, O or U, and no email or product starts with these letters.
        var tooShort = await admin.GetDocumentAsync("/admin/licenses?q=lou");
        Assert.StartsWith("“lou” is shorter than 4 characters", tooShort.QuerySelector(".search-too-short")?.TextContent, StringComparison.Ordinal);
        var longer = await admin.GetDocumentAsync("/admin/licenses?q=loud");
        Assert.Null(longer.QuerySelector(".search-too-short"));
    }

    [Fact]
    public async Task Status_filter_shows_only_active_expired_or_revoked_keys()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var keys = await LicensePages.ImportAsync(
            site,
            License(expiry: null),
            License(expiry: "2026-03-10"),
            License(expiry: "2026-03-09"),
            License(expiry: "2027-01-01", status: "Revoked"),
            License(expiry: "2020-01-01", status: "Revoked"));
        var admin = await site.AdminAsync();

        Assert.Equal([keys[1], keys[0]], await LicensePages.KeysAsync(admin, "/admin/licenses?status=active"));
        Assert.Equal([keys[2]], await LicensePages.KeysAsync(admin, "/admin/licenses?status=Expired"));
        Assert.Equal([keys[4], keys[3]], await LicensePages.KeysAsync(admin, "/admin/licenses?status=revoked"));
        Assert.Equal(5, (await LicensePages.KeysAsync(admin, "/admin/licenses?status=")).Count);
        var page = await admin.GetDocumentAsync("/admin/licenses?status=expired");
        Assert.Equal("expired", page.QuerySelector("select#status option[selected]")?.GetAttribute("value"));
        Assert.Equal("2 licenses.", (await admin.GetDocumentAsync("/admin/licenses?status=active")).QuerySelector(".license-count .muted")?.TextContent.Trim());
        Assert.Equal("1 license matching “" + keys[0] + "”.", (await admin.GetDocumentAsync("/admin/licenses?status=active&q=" + keys[0])).QuerySelector(".license-count .muted")?.TextContent.Trim());
        Assert.Equal("0 licenses matching “" + keys[3] + "”.", (await admin.GetDocumentAsync("/admin/licenses?status=active&q=" + keys[3])).QuerySelector(".license-count .muted")?.TextContent.Trim());

        site.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal([keys[0]], await LicensePages.KeysAsync(admin, "/admin/licenses?status=active"));
    }

    [Fact]
    public async Task Sorting_by_issue_or_expiry_in_either_direction_puts_lifetime_keys_after_every_date_when_ascending()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var keys = await LicensePages.ImportAsync(
            site,
            License(expiry: "2027-05-01"),
            License(expiry: null),
            License(expiry: "2026-01-01"),
            License(expiry: "2028-12-31"));
        var admin = await site.AdminAsync();

        Assert.Equal([keys[3], keys[2], keys[1], keys[0]], await LicensePages.KeysAsync(admin, "/admin/licenses"));
        Assert.Equal([keys[3], keys[2], keys[1], keys[0]], await LicensePages.KeysAsync(admin, "/admin/licenses?sort=issued-desc"));
        Assert.Equal([keys[0], keys[1], keys[2], keys[3]], await LicensePages.KeysAsync(admin, "/admin/licenses?sort=issued-asc"));
        Assert.Equal([keys[2], keys[0], keys[3], keys[1]], await LicensePages.KeysAsync(admin, "/admin/licenses?sort=expiry-asc"));
        Assert.Equal([keys[1], keys[3], keys[0], keys[2]], await LicensePages.KeysAsync(admin, "/admin/licenses?sort=expiry-desc"));
        Assert.Equal([keys[0], keys[3], keys[1]], await LicensePages.KeysAsync(admin, "/admin/licenses?sort=expiry-asc&status=active"));
    }

    [Fact]
    public async Task Pages_hold_the_site_page_size_and_keep_the_search_filter_and_order()
    {
        await using var site = await LicensingSite.StartAsync();
        await RunRecipeAsync(site, new System.Text.Json.Nodes.JsonObject { ["name"] = "Settings", ["PageSize"] = 5 });
        var keys = await LicensePages.ImportAsync(site, [.. Enumerable.Range(0, 12).Select(i => License(product: "Gallery Pro")), License(product: "Other")]);
        var admin = await site.AdminAsync();

        var first = await admin.GetDocumentAsync("/admin/licenses?q=gallery&sort=issued-asc");
        Assert.Equal(keys.Take(5), LicensePages.Rows(first).Select(r => r["License Key"]));
        Assert.Equal("Page 1 of 3 (12 in all)", first.QuerySelector("nav.pager span")?.TextContent.Trim());
        var next = first.QuerySelector("nav.pager a[rel='next']")?.GetAttribute("href");
        Assert.Equal("/admin/licenses?q=gallery&sort=issued-asc&page=2", next);
        Assert.Equal(keys.Skip(5).Take(5), await LicensePages.KeysAsync(admin, next!));
        Assert.Equal(keys.Skip(10).Take(2), await LicensePages.KeysAsync(admin, "/admin/licenses?q=gallery&sort=issued-asc&page=3"));
    }

    [Theory]
    [InlineData("/admin/licenses?page=-1")]
    [InlineData("/admin/licenses?page=0")]
    [InlineData("/admin/licenses?page=99999999999")]
    [InlineData("/admin/licenses?page=2147483647")]
    [InlineData("/admin/licenses?page=abc")]
    [InlineData("/admin/licenses?sort=drop%20table&status=42")]
    [InlineData("/admin/licenses?sort=&status=&q=")]
    [InlineData("/admin/licenses?status=1")]
    [InlineData("/admin/licenses?q=%00%01%20%09&sort=issued-desc")]
    public async Task Absurd_paging_sort_or_status_answers_200_with_the_defaults(string url)
    {
        await using var site = await LicensingSite.StartAsync();
        var keys = await LicensePages.ImportAsync(site, License(), License());
        var admin = await site.AdminAsync();

        using var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(keys.Reverse(), LicensePages.Rows(page).Select(r => r["License Key"]));
        Assert.Equal("issued-desc", page.QuerySelector("select#sort option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_search_of_ten_thousand_characters_is_cut_and_answers_200()
    {
        await using var site = await LicensingSite.StartAsync();
        await LicensePages.ImportAsync(site, License());
        var admin = await site.AdminAsync();

        using var response = await admin.GetAsync("/admin/licenses?q=" + new string('A', 10_000));
        using var export = await admin.GetAsync("/admin/licenses/export?q=" + new string('A', 10_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(LicenseFilterMaxLength, (await Html.ParseAsync(response)).QuerySelector("input#q")?.GetAttribute("value")?.Length);
    }

    [Fact]
    public async Task A_product_name_with_markup_renders_as_text_everywhere()
    {
        await using var site = await LicensingSite.StartAsync();
        const string Product = "<script>alert('x')</script><b>Bold</b>";
        var key = (await LicensePages.ImportAsync(site, License(product: Product))).Single();
        var id = await LicensePages.IdOfAsync(site, key);
        var admin = await site.AdminAsync();

        foreach (var url in new[] { "/admin/licenses", $"/admin/licenses/{id}", $"/admin/licenses/{id}/revoke", "/admin/licenses?q=%3Cscript" })
        {
            using var response = await admin.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>Bold", html, StringComparison.Ordinal);
            var page = await Html.ParseAsync(response);
            Assert.Empty(page.QuerySelectorAll("main script, main b"));
            Assert.Contains(Product, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Csv_export_holds_the_filtered_licenses_with_their_environments()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var keys = await LicensePages.ImportAsync(
            site,
            License(product: "Gallery Pro", expiry: null, max: 0, activations: [("a.example", "10.0.0.1"), ("b.example", "10.0.0.2")]),
            License(product: "Gallery Pro", expiry: "2026-03-01", max: 2),
            License(product: "=HYPERLINK(\"http://evil\")", expiry: "2027-01-01", max: 1, activations: ("c.example", "10.0.0.3")),
            License(product: "Forms Plus, \"Deluxe\"", expiry: "2027-01-01", max: 5, status: "Revoked"));
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin/licenses?q=gallery&sort=issued-asc");
        var link = page.QuerySelector("a.export-link")?.GetAttribute("href");
        Assert.Equal("/admin/licenses/export?q=gallery&sort=issued-asc", link);
        using var response = await admin.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("licenses-2026-03-10.csv", response.Content.Headers.ContentDisposition?.FileName);
        var rows = await ReadCsvAsync(response);
        Assert.Equal([keys[0], keys[1]], rows.Select(r => r["License Key"]));
        Assert.Equal(CustomerEmail, rows[0]["Customer"]);
        Assert.Equal("Gallery Pro", rows[0]["Product"]);
        // Number and date columns hold numbers and dates only; Lifetime and Unlimited are flags of their own.
        Assert.Equal(["", "true", "", "true"], [rows[0]["Expiry"], rows[0]["Lifetime"], rows[0]["Max Activations"], rows[0]["Unlimited"]]);
        Assert.Equal("2", rows[0]["Activations Used"]);
        Assert.Equal("Active", rows[0]["Status"]);
        Assert.Equal("2026-03-10T12:00:00Z", rows[0]["Issued (UTC)"]);
        Assert.Equal("a.example (10.0.0.1); b.example (10.0.0.2)", rows[0]["Environments"]);
        Assert.Equal(["2026-03-01", "false", "2", "false", "0", "Expired", ""], [rows[1]["Expiry"], rows[1]["Lifetime"], rows[1]["Max Activations"], rows[1]["Unlimited"], rows[1]["Activations Used"], rows[1]["Status"], rows[1]["Environments"]]);

        var all = await ReadCsvAsync(await admin.GetAsync("/admin/licenses/export?sort=issued-asc"));
        Assert.Equal(keys, all.Select(r => r["License Key"]));
        Assert.Equal("'=HYPERLINK(\"http://evil\")", all[2]["Product"]);
        Assert.Equal("Forms Plus, \"Deluxe\"", all[3]["Product"]);
        Assert.Equal(["Revoked", "recipe", "Imported as revoked."], [all[3]["Status"], all[3]["Revoked By"], all[3]["Revocation Reason"]]);
        var revoked = await ReadCsvAsync(await admin.GetAsync("/admin/licenses/export?status=revoked"));
        Assert.Equal([keys[3]], revoked.Select(r => r["License Key"]));
    }

    private const int LicenseFilterMaxLength = CP.Licensing.Admin.Records.LicenseFilter.MaxQueryLength;

    private static string[] Cells(Dictionary<string, string> row) =>
        [row["Product"], row["Expiry"], row["Max Activations"], row["Activations Used"], row["Status"]];

    private static Task<List<string>> SearchAsync(HttpClient admin, string query) =>
        LicensePages.KeysAsync(admin, "/admin/licenses?q=" + Uri.EscapeDataString(query));

    private static async Task<List<Dictionary<string, string>>> ReadCsvAsync(HttpResponseMessage response)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var csv = CsvReader.Create(body, options: null, leaveOpen: false);
        await csv.ReadHeaderAsync(CancellationToken.None);
        Assert.Equal(CP.Licensing.ViewModels.LicenseCsv.Header, csv.Headers);
        var rows = new List<Dictionary<string, string>>();
        while (await csv.ReadAsync(CancellationToken.None))
        {
            rows.Add(csv.Headers.ToDictionary(h => h, h => csv.GetString(h)));
        }

        return rows;
    }
}
