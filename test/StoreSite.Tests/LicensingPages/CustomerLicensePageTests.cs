using System.Net;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.DeactivateArrange;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>The customer's own key page, /account/licenses/{id}, and deactivating a site from it.</summary>
public sealed class CustomerLicensePageTests
{
    [Fact]
    public async Task The_customer_opens_their_key_from_account_licenses_and_sees_its_sites_allowance_and_history()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 3, expiresOn: new DateOnly(2099, 1, 31));
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        await AssertValidAsync(await VerifyAsync(api, key, "b.example.com", from: "10.0.0.2"));
        await AddDevelopmentEnvironmentAsync(site, key, "shop.test", "127.0.0.1");
        var id = await LicensePages.IdOfAsync(site, key);
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);

        var list = await customer.GetDocumentAsync("/account/licenses");
        Assert.Equal($"/account/licenses/{id}", list.QuerySelector($"tr[data-license-id='{id}'] a")?.GetAttribute("href"));
        using var response = await customer.GetAsync($"/account/licenses/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Gallery Pro", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(key, page.QuerySelector("#license-key")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("button[data-copy-target='#license-key']"));
        Assert.Equal("Active", page.QuerySelector(".license-status")?.TextContent.Trim());
        Assert.Equal("Expires on 2099-01-31", page.QuerySelector(".license-expiry")?.TextContent.Trim());
        Assert.Equal("2 of 3", page.QuerySelector(".activations-used")?.TextContent.Trim());
        Assert.Equal("3 of 3 deactivations left this month (any 30 days).", page.QuerySelector(".deactivation-allowance")?.TextContent.Trim());
        var sites = LicensePages.Rows(page, "table.environments");
        Assert.Equal(["a.example.com", "b.example.com"], sites.Select(r => r["Domain"]));
        Assert.Equal(2, page.QuerySelectorAll("table.environments form.deactivate-form").Length);
        Assert.Equal(["shop.test"], LicensePages.Rows(page, "table.development-environments").Select(r => r["Domain"]));
        Assert.DoesNotContain("shop.test", page.QuerySelector("table.environments")!.TextContent, StringComparison.Ordinal);
        var history = LicensePages.Rows(page, "table.history");
        Assert.Equal(["Issued", "New site", "New site"], history.Select(r => r["What"]));
        Assert.Equal(["The store", "Your product", "Your product"], history.Select(r => r["Who"]));
        Assert.DoesNotContain(TestSite.AdminEmail, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_customers_key_is_404_and_anonymous_visitors_are_sent_to_sign_in()
    {
        await using var site = await LicensingSite.StartAsync();
        await CreateCustomerAsync(site, "other@example.com");
        var theirs = await IssueAsync(site, maxActivations: 2, email: "other@example.com");
        var mine = await IssueAsync(site, maxActivations: 2);
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);

        using var other = await customer.GetAsync($"/account/licenses/{await LicensePages.IdOfAsync(site, theirs)}");
        using var missing = await customer.GetAsync("/account/licenses/999999");
        using var anonymous = await site.CreateClient().GetAsync($"/account/licenses/{await LicensePages.IdOfAsync(site, mine)}");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain(theirs, await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=", anonymous.Target()?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivating_a_site_frees_its_slot_counts_against_the_allowance_and_is_in_the_history_as_you()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 2);
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        await AssertValidAsync(await VerifyAsync(api, key, "b.example.com", from: "10.0.0.2"));
        await AssertFailureAsync(await VerifyAsync(api, key, "c.example.com", from: "10.0.0.3"), 403, "Max activations exceeded.", "max_activations");
        var license = await LoadAsync(site, key);
        var environment = license.Activations.Single(a => a.Domain == "a.example.com");
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);

        using var done = await customer.SubmitFormAsync($"/account/licenses/{license.Id}", $"tr[data-environment-id='{environment.Id}'] form.deactivate-form", new Dictionary<string, string>());

        var after = await LicensePages.FollowAsync(customer, done);
        Assert.Equal($"/account/licenses/{license.Id}", done.Target()?.AbsolutePath);
        Assert.Contains("Deactivated a.example.com (10.0.0.1): its activation is free (1 of 2 used).", LicensePages.Notice(after), StringComparison.Ordinal);
        Assert.Equal(["b.example.com"], LicensePages.Rows(after, "table.environments").Select(r => r["Domain"]));
        Assert.Equal("2 of 3 deactivations left this month (any 30 days).", after.QuerySelector(".deactivation-allowance")?.TextContent.Trim());
        var last = LicensePages.Rows(after, "table.history").Last();
        Assert.Equal("Site deactivated", last["What"]);
        Assert.Equal("You", last["Who"]);
        var stored = await LoadAsync(site, key);
        Assert.Single(stored.Events, e => e.Kind == LicenseEventKind.Deactivated && e.Actor == LicenseDeactivator.CustomerActor);
        Assert.Equal(1, stored.ActivationsUsed);
        await AssertValidAsync(await VerifyAsync(api, key, "c.example.com", from: "10.0.0.3"));
    }

    [Fact]
    public async Task Past_the_allowance_the_page_says_why_and_a_deactivation_is_refused_with_the_reason()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 5);
        await SetAllowanceAsync(site, key, allowed: true, per30Days: 1);
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        await AssertValidAsync(await VerifyAsync(api, key, "b.example.com", from: "10.0.0.2"));
        var license = await LoadAsync(site, key);
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);
        var url = $"/account/licenses/{license.Id}";
        using var first = await customer.SubmitFormAsync(url, $"tr[data-environment-id='{license.Activations[0].Id}'] form.deactivate-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var page = await customer.GetDocumentAsync(url);
        Assert.Equal("0 of 1 deactivation left this month (any 30 days).", page.QuerySelector(".deactivation-allowance")?.TextContent.Trim());
        Assert.Equal("You have used the 1 deactivation your plan allows in 30 days; ask the store if you need a slot freed sooner.", page.QuerySelector(".deactivation-refused")?.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("table.environments form.deactivate-form"));
        using var refused = await PostDeactivateAsync(customer, license.Id, license.Activations[1].Id);

        var after = await LicensePages.FollowAsync(customer, refused);
        Assert.Contains("You have used the 1 deactivation your plan allows in 30 days", LicensePages.Notice(after), StringComparison.Ordinal);
        Assert.Equal(1, (await LoadAsync(site, key)).ActivationsUsed);

        site.Clock.Advance(DeactivationAllowance.Window + TimeSpan.FromMinutes(1));
        var later = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);
        Assert.Single((await later.GetDocumentAsync(url)).QuerySelectorAll("table.environments form.deactivate-form"));
    }

    [Fact]
    public async Task A_plan_without_deactivation_says_so_and_removing_a_development_site_stays_free()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 5);
        await SetAllowanceAsync(site, key, allowed: false, per30Days: 3);
        await AssertValidAsync(await VerifyAsync(site.CreateClient(), key, "a.example.com", from: "10.0.0.1"));
        await AddDevelopmentEnvironmentAsync(site, key, "shop.test", "127.0.0.1");
        var license = await LoadAsync(site, key);
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);
        var url = $"/account/licenses/{license.Id}";

        var page = await customer.GetDocumentAsync(url);
        Assert.Equal(CP.Licensing.ViewModels.CustomerLicenseText.NotPartOfPlan, page.QuerySelector(".deactivation-allowance")?.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("table.environments form.deactivate-form"));
        using var refused = await PostDeactivateAsync(customer, license.Id, license.Activations.Single(a => !a.IsDevelopment).Id);
        Assert.Contains(CP.Licensing.ViewModels.CustomerLicenseText.NotPartOfPlan, LicensePages.Notice(await LicensePages.FollowAsync(customer, refused)), StringComparison.Ordinal);

        using var removed = await customer.SubmitFormAsync(url, "table.development-environments form.deactivate-form", new Dictionary<string, string>());
        Assert.Contains("Removed the development site shop.test (127.0.0.1); it used no activation.", LicensePages.Notice(await LicensePages.FollowAsync(customer, removed)), StringComparison.Ordinal);
        var stored = await LoadAsync(site, key);
        Assert.Equal(["a.example.com"], stored.Activations.Select(a => a.Domain));
    }

    [Fact]
    public async Task Deactivating_another_customers_key_or_an_environment_of_another_key_is_404_and_changes_nothing()
    {
        await using var site = await LicensingSite.StartAsync();
        await CreateCustomerAsync(site, "other@example.com");
        var mine = await IssueAsync(site, maxActivations: 5);
        var theirs = await IssueAsync(site, maxActivations: 5, email: "other@example.com");
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, mine, "mine.example.com", from: "10.0.0.1"));
        await AssertValidAsync(await VerifyAsync(api, theirs, "theirs.example.com", from: "10.0.0.2"));
        var my = await LoadAsync(site, mine);
        var their = await LoadAsync(site, theirs);
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);

        using var theirKey = await PostDeactivateAsync(customer, their.Id, their.Activations.Single().Id);
        using var theirEnvironment = await PostDeactivateAsync(customer, my.Id, their.Activations.Single().Id);
        using var nonsense = await PostDeactivateAsync(customer, my.Id, "not-a-number");

        Assert.Equal(HttpStatusCode.NotFound, theirKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirEnvironment.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nonsense.StatusCode);
        Assert.Single((await LoadAsync(site, mine)).Activations);
        Assert.Single((await LoadAsync(site, theirs)).Activations);
    }

    [Fact]
    public async Task A_deactivation_without_an_antiforgery_token_answers_400_and_changes_nothing()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 2);
        await AssertValidAsync(await VerifyAsync(site.CreateClient(), key, "a.example.com", from: "10.0.0.1"));
        var license = await LoadAsync(site, key);
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);
        var page = await customer.GetDocumentAsync($"/account/licenses/{license.Id}");
        var form = page.QuerySelector("table.environments form.deactivate-form")!;
        Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));

        using var response = await customer.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent([new("environmentId", license.Activations.Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single((await LoadAsync(site, key)).Activations);
    }

    [Theory]
    [InlineData("Suspended", "The store has paused this key")]
    [InlineData("Revoked", "This key is revoked")]
    public async Task A_suspended_or_revoked_key_says_so_on_its_page(string status, string line)
    {
        await using var site = await LicensingSite.StartAsync();
        var keys = await LicensePages.ImportAsync(site, License(product: "Gallery Pro", status: status, activations: [("a.example", "10.0.0.1")]));
        var id = await LicensePages.IdOfAsync(site, keys[0]);
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);

        var page = await customer.GetDocumentAsync($"/account/licenses/{id}");

        Assert.Equal(status, page.QuerySelector(".license-status")?.TextContent.Trim());
        Assert.StartsWith(line, page.QuerySelector(".license-status-line")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(status == "Revoked" ? 0 : 1, page.QuerySelectorAll("form.deactivate-form").Length);
    }

    [Fact]
    public async Task The_key_pages_its_sites_and_history_by_the_site_page_size()
    {
        await using var site = await LicensingSite.StartAsync();
        await RunRecipeAsync(site, new System.Text.Json.Nodes.JsonObject { ["name"] = "Settings", ["PageSize"] = 5 });
        var key = await IssueAsync(site, maxActivations: 0);
        var api = site.CreateClient();
        for (var i = 1; i <= 11; i++)
        {
            await AssertValidAsync(await VerifyAsync(api, key, $"site{i}.example.com", from: $"10.0.0.{i}"));
        }

        var id = await LicensePages.IdOfAsync(site, key);
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);

        var page = await customer.GetDocumentAsync($"/account/licenses/{id}?environments=3&history=2");

        Assert.Equal(["site11.example.com"], LicensePages.Rows(page, "table.environments").Select(r => r["Domain"]));
        Assert.Equal("11 sites", page.QuerySelector(".environment-count")?.TextContent.Trim());
        Assert.Equal(Enumerable.Repeat("New site", 5), LicensePages.Rows(page, "table.history").Select(r => r["What"]));
        Assert.Equal("12 entries", page.QuerySelector(".history-count")?.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("nav.pager a").Select(a => a.GetAttribute("href")), href => href == $"/account/licenses/{id}?history=2&environments=2#environments");
    }

    private static async Task<HttpResponseMessage> PostDeactivateAsync(HttpClient customer, int licenseId, object environmentId)
    {
        var token = Html.AntiforgeryToken(await customer.GetDocumentAsync("/account/change-password"));
        return await customer.PostAsync($"/account/licenses/{licenseId}/deactivate", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("environmentId", Convert.ToString(environmentId, System.Globalization.CultureInfo.InvariantCulture)!),
        ]));
    }
}
