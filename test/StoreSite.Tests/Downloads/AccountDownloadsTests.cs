using System.Net;
using System.Text.Json.Nodes;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Downloads.DownloadsArrange;

namespace StoreSite.Tests.Downloads;

/// <summary>
/// Account -> Downloads: a customer with a Lifetime key for Site Builder Pro (1.0.0, 1.1.0, 2.0.0) and a
/// Backup Guard key that expired on 2026-02-01 (2.1.0 published before, 3.0.0 after); today is 2026-07-01.
/// </summary>
public sealed class AccountDownloadsTests
{
    private const string Email = "downloads@example.com";

    [Fact]
    public async Task The_page_lists_each_entitled_product_with_its_latest_release_and_older_ones()
    {
        await using var site = await SiteAsync();
        var customer = await site.SignInAsync(Email, TestSite.CustomerPassword);

        var dashboard = await customer.GetDocumentAsync("/account");
        Assert.Equal("/account/downloads", dashboard.QuerySelector("section.account-downloads a")?.GetAttribute("href"));
        var page = await customer.GetDocumentAsync("/account/downloads");

        var sections = page.QuerySelectorAll("section.product-downloads");
        Assert.Equal(["Backup Guard", "Site Builder Pro"], sections.Select(s => s.QuerySelector("h2")!.TextContent));
        var builder = sections[1];
        Assert.Equal("2.0.0", builder.QuerySelector(".latest-release .release-version")?.TextContent);
        Assert.Equal("site-builder-pro-2.0.0.zip", builder.QuerySelector(".latest-release .release-file")?.TextContent);
        Assert.Equal("1.5 KB", builder.QuerySelector(".latest-release .release-size")?.TextContent);
        Assert.Contains("2026", builder.QuerySelector(".latest-release .release-date")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("themes", builder.QuerySelector(".release-notes strong")?.TextContent);
        Assert.Equal(["1.1.0", "1.0.0"], builder.QuerySelectorAll(".older-releases .release-version").Select(e => e.TextContent));
        Assert.Equal("Older versions (2)", builder.QuerySelector(".older-releases summary")?.TextContent);
        Assert.Null(builder.QuerySelector(".updates-ended"));

        var guard = sections[0];
        Assert.Equal("2.1.0", guard.QuerySelector(".latest-release .release-version")?.TextContent);
        var ended = System.Text.RegularExpressions.Regex.Replace(guard.QuerySelector(".updates-ended")!.TextContent, @"\s+", " ");
        Assert.Contains("Your updates ended on 2026-02-01: you may download releases up to version 2.1.0.", ended, StringComparison.Ordinal);
        Assert.Equal("Version 3.0.0 is out; renew your license to get it.", guard.QuerySelector(".newer-release")?.TextContent);
        Assert.NotNull(guard.QuerySelector("form.renew-form button"));
        Assert.DoesNotContain("3.0.0", guard.QuerySelector(".latest-release")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_products_are_paged_by_the_site_s_page_size_and_page_numbers_out_of_range_are_clamped()
    {
        await using var site = await SiteAsync();
        // Five more products to own, so that six make two pages of five.
        string[] extras = ["extra-a", "extra-b", "extra-c", "extra-d", "extra-e"];
        await LicensingArrange.RunRecipeAsync(
            site,
            new JsonObject { ["name"] = "Settings", ["PageSize"] = 5 },
            new JsonObject
            {
                ["name"] = "Products",
                ["products"] = new JsonArray([.. extras.Select(slug => (JsonNode)new JsonObject { ["name"] = "Extra " + slug[^1..].ToUpperInvariant(), ["slug"] = slug, ["plans"] = new JsonArray(new JsonObject { ["name"] = "Only", ["price"] = 1 }) })]),
            },
            LicensingArrange.LicensesStep([.. extras.Select(slug => License(Email, slug))]));
        var customer = await site.SignInAsync(Email, TestSite.CustomerPassword);

        var first = await customer.GetDocumentAsync("/account/downloads");
        var second = await customer.GetDocumentAsync("/account/downloads?page=2");
        var beyond = await customer.GetDocumentAsync("/account/downloads?page=99");
        var beyondInt = await customer.GetDocumentAsync("/account/downloads?page=99999999999");
        var negative = await customer.GetDocumentAsync("/account/downloads?page=-4");

        Assert.Equal(["Backup Guard", "Extra A", "Extra B", "Extra C", "Extra D"], first.QuerySelectorAll("section.product-downloads h2").Select(h => h.TextContent));
        Assert.Contains(first.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/account/downloads?page=2");
        Assert.Equal(["Extra E", "Site Builder Pro"], second.QuerySelectorAll("section.product-downloads h2").Select(h => h.TextContent));
        Assert.Equal("No release has been published yet.", second.Text("section.product-downloads p.muted"));
        Assert.Equal(["Extra E", "Site Builder Pro"], beyond.QuerySelectorAll("section.product-downloads h2").Select(h => h.TextContent));
        Assert.Equal("Backup Guard", negative.Text("section.product-downloads h2"));
        Assert.Equal("Backup Guard", beyondInt.Text("section.product-downloads h2"));
    }

    [Fact]
    public async Task Only_the_signed_in_customer_s_own_products_are_listed()
    {
        await using var site = await SiteAsync();
        await CustomerWithLicensesAsync(site, "someone@example.com");
        var someone = await site.SignInAsync("someone@example.com", TestSite.CustomerPassword);

        using var anonymous = await site.CreateClient().GetAsync("/account/downloads");
        var empty = await someone.GetDocumentAsync("/account/downloads");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Target()!.PathAndQuery, StringComparison.Ordinal);
        Assert.Empty(empty.QuerySelectorAll("section.product-downloads"));
        Assert.StartsWith("Nothing to download yet", empty.Text("main p.muted"), StringComparison.Ordinal);
    }

    private static async Task<TestSite> SiteAsync()
    {
        var site = StartSite();
        await PublishAsync(site, Store.SiteBuilder, "1.1.0", new DateOnly(2026, 3, 1));
        await PublishAsync(site, "backup-guard", "3.0.0", new DateOnly(2026, 3, 1));
        await PublishAsync(site, Store.SiteBuilder, "2.0.0", new DateOnly(2026, 6, 1), notes: "Adds **themes**.");
        MoveTo(site, new DateOnly(2026, 7, 1));
        await CustomerWithLicensesAsync(site, Email, License(Email, Store.SiteBuilder), License(Email, "backup-guard", "2026-02-01"));
        return site;
    }
}
