using CP.Licensing.Models;
using CP.Licensing.Settings;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>Development sites on the admin key page, Account -> Licenses and the CSV; the licensing section of Admin -> Settings.</summary>
public sealed class DevelopmentSitesPagesTests
{
    [Fact]
    public async Task The_admin_key_page_lists_development_sites_apart_and_freeing_one_keeps_activations_used()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1);
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, key, "shop.com", from: "198.51.100.1"));
        await AssertValidAsync(await VerifyAsync(api, key, "shop.test", from: "198.51.100.1"));
        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, key);

        var page = await admin.GetDocumentAsync($"/admin/licenses/{id}");

        Assert.Equal(["shop.com"], LicensePages.Rows(page, "table.environments").Select(r => r["Domain"]));
        Assert.Equal(["shop.test"], LicensePages.Rows(page, "table.development-environments").Select(r => r["Domain"]));
        Assert.Equal("1 environment", page.QuerySelector(".environment-count")?.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("dd.activations-used")?.TextContent.Trim());

        var development = (await LoadAsync(site, key)).Activations.Single(a => a.IsDevelopment);
        using var freed = await admin.SubmitFormAsync(page, $"table.development-environments tr[data-environment-id='{development.Id}'] form.free-slot-form", new Dictionary<string, string>());
        var after = await LicensePages.FollowAsync(admin, freed);

        Assert.Contains("Removed the development site shop.test (198.51.100.1); it used no slot.", LicensePages.Notice(after), StringComparison.Ordinal);
        Assert.Equal("1", after.QuerySelector("dd.activations-used")?.TextContent.Trim());
        var stored = await LoadAsync(site, key);
        Assert.Equal(1, stored.ActivationsUsed);
        Assert.Equal("shop.com", Assert.Single(stored.Activations).Domain);
        Assert.Contains(stored.Events, e => e.Kind == LicenseEventKind.SlotFreed && e.Detail.Contains("development environment shop.test", StringComparison.Ordinal));
        // The production slot is still taken: a new production site is refused.
        await AssertFailureAsync(await VerifyAsync(api, key, "other.com", from: "198.51.100.9"), 403, "Max activations exceeded.", "max_activations");
    }

    [Fact]
    public async Task Account_licenses_lists_development_sites_apart_and_counts_production_only()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 3);
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, key, "shop.com", from: "198.51.100.1"));
        await AssertValidAsync(await VerifyAsync(api, key, "staging.shop.com", from: "198.51.100.1"));
        await AssertValidAsync(await VerifyAsync(api, key, "localhost", from: "198.51.100.1"));
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);

        var page = await customer.GetDocumentAsync("/account/licenses");

        var row = Assert.Single(LicensePages.Rows(page, "table.customer-licenses"));
        Assert.StartsWith("1 of 3", row["Activations"], StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("h2#development-sites"));
        Assert.Equal(["staging.shop.com", "localhost"], LicensePages.Rows(page, "table.customer-development-sites").Select(r => r["Domain"]));
    }

    [Fact]
    public async Task The_csv_marks_development_sites()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 3);
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, key, "shop.com", from: "198.51.100.1"));
        await AssertValidAsync(await VerifyAsync(api, key, "shop.test", from: "198.51.100.2"));
        var admin = await site.AdminAsync();

        var csv = await admin.GetStringAsync("/admin/licenses/export");

        Assert.Contains("shop.com (198.51.100.1); shop.test (198.51.100.2) (development)", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_settings_page_shows_the_public_key_never_the_seed_and_saves_development_settings()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var admin = await site.AdminAsync();
        var stored = await site.InScopeAsync(sp => sp.GetRequiredService<LicensingSettingsStore>().GetAsync(CancellationToken.None));
        var publicKey = await site.InScopeAsync(async sp => (await sp.GetRequiredService<LicensingSettingsCache>().GetResponseSigningKeyAsync(CancellationToken.None)).PublicKey);

        var page = await admin.GetDocumentAsync("/admin/settings");

        Assert.Equal(publicKey, page.QuerySelector("#response-signing-public-key")?.GetAttribute("value"));
        Assert.DoesNotContain(stored.ResponseSigningKey, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.SigningSecret, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("embed this in your product to check signed answers", page.QuerySelector(".licensing-settings")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("*.test", page.QuerySelector("textarea#DevelopmentDomains")!.TextContent, StringComparison.Ordinal);

        using var saved = await admin.SubmitFormAsync(page, "form.licensing-settings-form", new Dictionary<string, string>
        {
            ["DevelopmentDomains"] = "*.internal\n  QA.*  \n",
            ["MaxDevelopmentSites"] = "4",
        });
        var after = await LicensePages.FollowAsync(admin, saved);

        Assert.Contains("Licensing settings saved.", LicensePages.Notice(after), StringComparison.Ordinal);
        var settings = await site.InScopeAsync(sp => sp.GetRequiredService<LicensingSettingsStore>().GetAsync(CancellationToken.None));
        Assert.Equal(["*.internal", "qa.*"], settings.DevelopmentDomains);
        Assert.Equal(4, settings.MaxDevelopmentSites);
    }

    [Theory]
    [InlineData("*.*", "4", "Development domains: \"*.*\" is not a domain pattern")]
    [InlineData("<script>alert(1)</script>", "4", "is not a domain pattern")]
    [InlineData("*.test", "0", "Development sites per key: enter a whole number from 1 to 1000.")]
    [InlineData("*.test", "1001", "Development sites per key: enter a whole number from 1 to 1000.")]
    [InlineData("*.test", "-1", "Development sites per key: enter a whole number from 1 to 1000.")]
    [InlineData("*.test", "4.5", "Development sites per key: enter a whole number from 1 to 1000.")]
    [InlineData("*.test", "99999999999999999999", "Development sites per key: enter a whole number from 1 to 1000.")]
    [InlineData("*.test", "", "Development sites per key: enter a whole number from 1 to 1000.")]
    public async Task Hostile_settings_inputs_are_refused_with_their_field_and_change_nothing(string domains, string max, string message)
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync("/admin/settings");

        using var refused = await admin.SubmitFormAsync(page, "form.licensing-settings-form", new Dictionary<string, string>
        {
            ["DevelopmentDomains"] = domains,
            ["MaxDevelopmentSites"] = max,
        });
        var after = await LicensePages.FollowAsync(admin, refused);

        Assert.Contains(message, LicensePages.Notice(after), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", after.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var settings = await site.InScopeAsync(sp => sp.GetRequiredService<LicensingSettingsStore>().GetAsync(CancellationToken.None));
        Assert.Null(settings.DevelopmentDomains);
        Assert.Equal(LicensingSettings.DefaultMaxDevelopmentSites, settings.MaxDevelopmentSites);
    }

    [Fact]
    public async Task A_too_long_domains_field_is_refused()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync("/admin/settings");

        using var refused = await admin.SubmitFormAsync(page, "form.licensing-settings-form", new Dictionary<string, string>
        {
            ["DevelopmentDomains"] = new string('a', 30_000),
            ["MaxDevelopmentSites"] = "4",
        });
        var after = await LicensePages.FollowAsync(admin, refused);

        Assert.Contains("Development domains: enter at most 100 patterns, one a line.", LicensePages.Notice(after), StringComparison.Ordinal);
    }
}
