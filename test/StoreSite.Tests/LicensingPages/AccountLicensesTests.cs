using System.Net;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>The customer's Account -> Licenses page and its widget on the dashboard.</summary>
public sealed class AccountLicensesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_dashboard_widget_counts_active_keys_and_links_to_the_licenses_page()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        await LicensePages.ImportAsync(
            site,
            License(expiry: null),
            License(expiry: "2027-01-01"),
            License(expiry: "2026-01-01"),
            License(expiry: null, status: "Revoked"));
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);

        var dashboard = await customer.GetDocumentAsync("/account");

        var widget = dashboard.QuerySelector("section.account-licenses")!;
        Assert.Equal("Licenses", widget.QuerySelector("h2")?.TextContent.Trim());
        Assert.Equal("You have 2 active license keys.", widget.QuerySelector("p")?.TextContent.Trim());
        Assert.Equal("/account/licenses", widget.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_page_lists_the_customers_keys_that_are_not_revoked_with_expiry_status_activations_and_a_copy_button()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var keys = await LicensePages.ImportAsync(
            site,
            License(product: "Gallery Pro", expiry: null, max: 5, activations: [("a.example", "10.0.0.1"), ("b.example", "10.0.0.2")]),
            License(product: "Forms Plus", expiry: "2027-01-31", max: 0, activations: [("a.example", "10.0.0.1"), ("b.example", "10.0.0.2"), ("c.example", "10.0.0.3")]),
            License(product: "Slider", expiry: "2026-03-09", max: 1),
            License(product: "Revoked One", status: "Revoked"));
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);

        var page = await customer.GetDocumentAsync("/account/licenses");

        Assert.Equal(["Product", "Expiry", "Activations", "License Key"], page.QuerySelectorAll("table.customer-licenses th[scope='col']").Select(h => h.TextContent.Trim()));
        var rows = page.QuerySelectorAll("table.customer-licenses tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        var cells = rows.Select(r => r.QuerySelectorAll("td").Take(3).Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["Slider", "Expired on 2026-03-09", "0 of 1"], cells[0]);
        Assert.Equal(["Forms Plus", "Expires on 2027-01-31", "3 of unlimited"], cells[1]);
        Assert.Equal(["Gallery Pro", "Lifetime", "2 of 5"], cells[2]);
        Assert.DoesNotContain(keys[3], page.Source.Text, StringComparison.Ordinal);
        foreach (var (row, key) in rows.Zip([keys[2], keys[1], keys[0]]))
        {
            var input = row.QuerySelector("input")!;
            Assert.Equal(key, input.GetAttribute("value"));
            Assert.True(input.HasAttribute("readonly"));
            Assert.True(input.HasAttribute("data-select-on-focus"));
            Assert.NotNull(input.GetAttribute("aria-label"));
            var button = row.QuerySelector("button[type='button'][data-copy-target]")!;
            Assert.StartsWith("Copy", button.TextContent.Trim(), StringComparison.Ordinal);
            Assert.Same(input, page.QuerySelector(button.GetAttribute("data-copy-target")!));
            Assert.NotNull(button.ParentElement!.QuerySelector(".copy-status"));
        }
    }

    [Fact]
    public async Task A_customer_never_sees_another_customers_keys()
    {
        await using var site = await LicensingSite.StartAsync();
        await CreateCustomerAsync(site, "other@example.com");
        var mine = await LicensePages.ImportAsync(site, License(product: "Mine"));
        var theirs = await LicensePages.ImportAsync(site, License(email: "other@example.com", product: "Theirs"), License(email: "other@example.com", product: "Theirs too"));
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);
        var other = await site.SignInAsync("other@example.com", TestSite.CustomerPassword);

        var myPage = await customer.GetDocumentAsync("/account/licenses");
        var theirPage = await other.GetDocumentAsync("/account/licenses");

        Assert.Equal(mine, myPage.QuerySelectorAll("table.customer-licenses input").Select(i => i.GetAttribute("value")));
        Assert.Equal(theirs.Reverse(), theirPage.QuerySelectorAll("table.customer-licenses input").Select(i => i.GetAttribute("value")));
        Assert.All(theirs, key => Assert.DoesNotContain(key, myPage.Source.Text, StringComparison.Ordinal));
        Assert.Equal("You have 1 active license key.", (await customer.GetDocumentAsync("/account")).QuerySelector("section.account-licenses p")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_customer_without_keys_is_told_so_and_pages_hold_the_site_page_size()
    {
        await using var site = await LicensingSite.StartAsync();
        var newcomer = await site.RegisterCustomerAsync("new@example.com");
        Assert.Contains("You have no license keys yet.", (await newcomer.GetDocumentAsync("/account/licenses")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await RunRecipeAsync(site, new System.Text.Json.Nodes.JsonObject { ["name"] = "Settings", ["PageSize"] = 5 });
        var keys = await LicensePages.ImportAsync(site, [.. Enumerable.Range(0, 7).Select(_ => License())]);
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);
        var second = await customer.GetDocumentAsync("/account/licenses?page=2");
        Assert.Equal(keys.Take(2).Reverse(), second.QuerySelectorAll("table.customer-licenses input").Select(i => i.GetAttribute("value")));
        using var absurd = await customer.GetAsync("/account/licenses?page=-4");
        Assert.Equal(HttpStatusCode.OK, absurd.StatusCode);
    }

    [Fact]
    public async Task A_product_name_with_markup_renders_as_text_for_the_customer()
    {
        await using var site = await LicensingSite.StartAsync();
        await LicensePages.ImportAsync(site, License(product: "<script>alert(1)</script>"));
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);

        using var response = await customer.GetAsync("/account/licenses");

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var page = await Html.ParseAsync(response);
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Equal("<script>alert(1)</script>", page.QuerySelector("table.customer-licenses td")?.TextContent.Trim());
    }
}
