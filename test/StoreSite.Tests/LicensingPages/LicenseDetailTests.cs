using System.Net;
using CP.Licensing.Controllers;
using CP.Licensing.Models;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>A key's detail page, Revoke and Generate License.</summary>
public sealed class LicenseDetailTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_detail_shows_every_field_the_order_link_the_environments_and_the_history()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        await OrderArrange.SavePlansAsync(site);
        var order = await OrderArrange.OrderAsync(site, "SO-1001", Noon, (OrderArrange.FiveSitesMonthlyPlan, "Gallery Pro", 1));
        await OrderArrange.PaidAsync(site, order);
        var key = (await AllAsync(site)).Single().Key;
        site.Clock.Advance(TimeSpan.FromHours(1));
        await AssertValidAsync(await VerifyAsync(site.CreateClient(), key, "shop.example.com", from: "10.0.0.1"));
        var id = await LicensePages.IdOfAsync(site, key);
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync($"/admin/licenses/{id}");

        Assert.Equal(key, page.QuerySelector("input#license-key")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input#license-key[readonly][data-select-on-focus]"));
        var details = page.QuerySelectorAll("dl.license-details dt").ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim());
        Assert.Equal("Active", details["Status"]);
        Assert.Equal(CustomerEmail, details["Customer"]);
        Assert.Equal("Gallery Pro", details["Product"]);
        Assert.Equal($"Plan #{OrderArrange.FiveSitesMonthlyPlan}", details["Plan"]);
        Assert.Contains("SO-1001", details["Order"], StringComparison.Ordinal);
        Assert.Contains("line 1, unit 1", details["Order"], StringComparison.Ordinal);
        Assert.Equal("2026-03-10 12:00 UTC", details["Issued"]);
        Assert.Equal("2026-04-10", details["Expiry"]);
        Assert.Equal("5", details["Max Activations"]);
        Assert.Equal("1", details["Activations Used"]);
        Assert.Equal("Domain only", details["Match rule"]);
        Assert.DoesNotContain("Revoked at", details.Keys);
        Assert.Equal("/admin/orders/SO-1001", page.QuerySelector("dl.license-details a[href^='/admin/orders/']")?.GetAttribute("href"));
        var customerId = await LicensePages.UserIdOfAsync(site, CustomerEmail);
        Assert.Equal($"/admin/users/{Uri.EscapeDataString(customerId)}", page.QuerySelector("dl.license-details a[href^='/admin/users/']")?.GetAttribute("href"));
        var environment = Assert.Single(LicensePages.Rows(page, "table.environments"));
        Assert.Equal(["shop.example.com", "10.0.0.1", "2026-03-10 13:00 UTC", "2026-03-10 13:00 UTC"], [environment["Domain"], environment["IP"], environment["First seen"], environment["Last seen"]]);
        var history = LicensePages.Rows(page, "table.history");
        Assert.Equal(["Issued", "New environment"], history.Select(h => h["What"]));
        Assert.Equal(["system", "api"], history.Select(h => h["Who"]));
        Assert.Contains("SO-1001", history[0]["Details"], StringComparison.Ordinal);
        Assert.Contains("shop.example.com (10.0.0.1)", history[1]["Details"], StringComparison.Ordinal);
        Assert.Equal($"/admin/licenses/{id}/revoke", page.QuerySelector("a.revoke-link")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Revoke_warns_that_it_is_permanent_requires_a_reason_and_then_verify_answers_revoked()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, maxActivations: 2);
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, key, "shop.example.com", from: "10.0.0.1"));
        var id = await LicensePages.IdOfAsync(site, key);
        var admin = await site.AdminAsync();

        var confirm = await admin.GetDocumentAsync($"/admin/licenses/{id}/revoke");
        var warning = confirm.QuerySelector(".revoke-warning")!.TextContent;
        Assert.Contains("Revocation is permanent.", warning, StringComparison.Ordinal);
        Assert.Contains("generate a new key", warning, StringComparison.Ordinal);
        var generate = new Uri(new Uri("http://store.test"), confirm.QuerySelector(".revoke-warning a")?.GetAttribute("href"));
        Assert.Equal("/admin/licenses/generate", generate.AbsolutePath);
        var prefill = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(generate.Query);
        Assert.Equal(CustomerEmail, prefill["customer"]);
        Assert.Equal("Gallery Pro", prefill["product"]);
        Assert.Equal("Reason", confirm.QuerySelector("label[for='Reason']")?.TextContent.Trim());

        using var noReason = await admin.SubmitFormAsync(confirm, "form.revoke-form", new Dictionary<string, string> { ["Reason"] = "   " });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Equal("Give the reason for revoking this key.", Html.FieldError(await Html.ParseAsync(noReason), "Reason"));
        using var tooLong = await admin.SubmitFormAsync(confirm, "form.revoke-form", new Dictionary<string, string> { ["Reason"] = new string('x', 501) });
        Assert.Equal("The reason must be at most 500 characters.", Html.FieldError(await Html.ParseAsync(tooLong), "Reason"));
        Assert.Null((await LoadAsync(site, key)).RevokedAt);

        site.Clock.Advance(TimeSpan.FromMinutes(30));
        using var revoked = await admin.SubmitFormAsync(confirm, "form.revoke-form", new Dictionary<string, string> { ["Reason"] = "Key posted on a forum" });

        var detail = await LicensePages.FollowAsync(admin, revoked);
        Assert.Equal("Revoked", detail.QuerySelector(".license-status")?.TextContent.Trim());
        Assert.Contains("badge-revoked", detail.QuerySelector(".license-status")!.ClassList);
        Assert.Null(detail.QuerySelector("a.revoke-link"));
        var details = detail.QuerySelectorAll("dl.license-details dt").ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim());
        Assert.Equal("2026-03-10 12:30 UTC", details["Revoked at"]);
        Assert.Equal(TestSite.AdminEmail, details["Revoked by"]);
        Assert.Equal("Key posted on a forum", details["Revocation reason"]);
        var last = LicensePages.Rows(detail, "table.history").Last();
        Assert.Equal(["Revoked", TestSite.AdminEmail, "Key posted on a forum"], [last["What"], last["Who"], last["Details"]]);
        await AssertFailureAsync(await VerifyAsync(api, key, "shop.example.com", from: "10.0.0.1"), 403, "License has been revoked.", "revoked");
    }

    [Fact]
    public async Task Revoking_twice_says_so_and_changes_nothing()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site);
        var id = await LicensePages.IdOfAsync(site, key);
        var admin = await site.AdminAsync();
        var confirm = await admin.GetDocumentAsync($"/admin/licenses/{id}/revoke");
        using var first = await admin.SubmitFormAsync(confirm, "form.revoke-form", new Dictionary<string, string> { ["Reason"] = "Refund by hand" });
        await LicensePages.FollowAsync(admin, first);
        site.Clock.Advance(TimeSpan.FromHours(1));

        using var second = await admin.SubmitFormAsync(confirm, "form.revoke-form", new Dictionary<string, string> { ["Reason"] = "Again" });
        var afterPost = await LicensePages.FollowAsync(admin, second);
        using var page = await admin.GetAsync($"/admin/licenses/{id}/revoke");
        var afterGet = await LicensePages.FollowAsync(admin, page);

        Assert.Contains($"This key was already revoked by {TestSite.AdminEmail}; nothing changed.", LicensePages.Notice(afterPost), StringComparison.Ordinal);
        Assert.Contains("already revoked", LicensePages.Notice(afterGet), StringComparison.Ordinal);
        var stored = await LoadAsync(site, key);
        Assert.Equal("Refund by hand", stored.RevocationReason);
        Assert.Equal(Noon, stored.RevokedAt);
        Assert.Single(stored.Events, e => e.Kind == LicenseEventKind.Revoked);
    }

    [Fact]
    public async Task Generate_issues_a_key_by_hand_and_opens_its_detail()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/licenses/generate", "form.generate-form", new Dictionary<string, string>
        {
            ["CustomerEmail"] = " BUYER@example.com ",
            ["ProductName"] = "Gallery Pro (agency)",
            ["ExpiresOn"] = "2027-03-10",
            ["MaxActivations"] = "25",
            ["MatchBy"] = nameof(LicenseMatchRule.Ip),
        });

        var detail = await LicensePages.FollowAsync(admin, response);
        var license = (await AllAsync(site)).Single();
        Assert.Equal($"/admin/licenses/{license.Id}", new Uri(detail.Url).AbsolutePath);
        Assert.Equal(license.Key, detail.QuerySelector("input#license-key")?.GetAttribute("value"));
        Assert.Equal(CustomerEmail, license.CustomerEmail);
        Assert.Equal("Gallery Pro (agency)", license.ProductName);
        Assert.Equal(new DateOnly(2027, 3, 10), license.ExpiresOn);
        Assert.Equal(25, license.MaxActivations);
        Assert.Equal(LicenseMatchRule.Ip, license.MatchBy);
        var issued = Assert.Single(LicensePages.Rows(detail, "table.history"));
        Assert.Equal(["Issued", TestSite.AdminEmail], [issued["What"], issued["Who"]]);
        await AssertValidAsync(await VerifyAsync(site.CreateClient(), license.Key, "agency.example.com", from: "10.0.0.9"));
    }

    [Fact]
    public async Task Generate_with_blank_limit_and_expiry_issues_an_unlimited_lifetime_key()
    {
        await using var site = await LicensingSite.StartAsync();
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/licenses/generate", "form.generate-form", new Dictionary<string, string>
        {
            ["CustomerEmail"] = CustomerEmail,
            ["ProductName"] = "Forms Plus",
        });

        var detail = await LicensePages.FollowAsync(admin, response);
        var details = detail.QuerySelectorAll("dl.license-details dt").ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim());
        Assert.Equal(["Lifetime", "Unlimited", "Domain or IP"], [details["Expiry"], details["Max Activations"], details["Match rule"]]);
    }

    [Theory]
    [InlineData("CustomerEmail", "nobody@example.com", LicenseActionMessages.NoSuchCustomerOffer)]
    [InlineData("CustomerEmail", "", "Enter the customer's email.")]
    [InlineData("ProductName", "", "Enter the product name the key is for.")]
    [InlineData("ProductName", "x301", "The product name must be at most 300 characters.")]
    [InlineData("MaxActivations", "-1", "Enter a number from 0 to 1000000, or leave it empty for unlimited.")]
    [InlineData("MaxActivations", "many", "The value 'many' is not valid for Max Activations.")]
    [InlineData("ExpiresOn", "2026-03-09", "The expiry date is in the past; leave it empty for a Lifetime key.")]
    [InlineData("ExpiresOn", "someday", "Enter the date as YYYY-MM-DD, e.g. 2027-03-31.")]
    [InlineData("ExpiresOn", "03/04/2027", "Enter the date as YYYY-MM-DD, e.g. 2027-03-31.")]
    [InlineData("MatchBy", "7", "Choose how calls match the allow-list.")]
    [InlineData("CustomerEmail", "x1048576", "The email must be at most 256 characters.")]
    public async Task Generate_shows_each_problem_next_to_its_field_and_issues_nothing(string field, string value, string message)
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var admin = await site.AdminAsync();
        var values = new Dictionary<string, string>
        {
            ["CustomerEmail"] = CustomerEmail,
            ["ProductName"] = "Gallery Pro",
            [field] = value.StartsWith('x') && int.TryParse(value[1..], out var length) ? new string('a', length) : value,
        };

        using var response = await admin.SubmitFormAsync("/admin/licenses/generate", "form.generate-form", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(message, Html.FieldError(page, field));
        Assert.NotNull(page.QuerySelector($"label[for='{field}']"));
        Assert.Empty(await AllAsync(site));
    }

    [Fact]
    public async Task Generate_is_prefilled_from_the_new_key_link()
    {
        await using var site = await LicensingSite.StartAsync();
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin/licenses/generate?customer=buyer%40example.com&product=%3Cb%3EGallery%3C%2Fb%3E");

        Assert.Equal(CustomerEmail, page.QuerySelector("input[name='CustomerEmail']")?.GetAttribute("value"));
        Assert.Equal("<b>Gallery</b>", page.QuerySelector("input[name='ProductName']")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/admin/licenses/999999")]
    [InlineData("/admin/licenses/999999/revoke")]
    [InlineData("/admin/licenses/0")]
    [InlineData("/admin/licenses/-3")]
    [InlineData("/admin/licenses/abc")]
    [InlineData("/admin/licenses/99999999999")]
    public async Task Unknown_license_pages_answer_404(string url)
    {
        await using var site = await LicensingSite.StartAsync();
        var admin = await site.AdminAsync();

        using var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_for_unknown_licenses_answer_404_and_an_unknown_environment_is_refused()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site);
        var id = await LicensePages.IdOfAsync(site, key);
        var admin = await site.AdminAsync();
        var token = Html.AntiforgeryToken(await admin.GetDocumentAsync("/admin/licenses/generate"));

        using var revoke = await admin.PostAsync("/admin/licenses/999999/revoke", LicenseSlotsTests.Form(token, ("Reason", "x")));
        using var max = await admin.PostAsync("/admin/licenses/999999/max-activations", LicenseSlotsTests.Form(token, ("MaxActivations", "3")));
        using var free = await admin.PostAsync("/admin/licenses/999999/environments/1/remove", LicenseSlotsTests.Form(token));
        using var freeUnknown = await admin.PostAsync($"/admin/licenses/{id}/environments/999999/remove", LicenseSlotsTests.Form(token));

        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, max.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, free.StatusCode);
        Assert.Contains("That environment is no longer on this key's allow-list.", LicensePages.Notice(await LicensePages.FollowAsync(admin, freeUnknown)), StringComparison.Ordinal);
        Assert.Equal(0, (await LoadAsync(site, key)).ActivationsUsed);
    }
}
