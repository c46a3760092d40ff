using System.Net;
using CP.Licensing.Controllers;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>Suspend, Reinstate and Edit expiry from a key's admin page, checked through Verify, the history and the customer's page.</summary>
public sealed class LicenseLifecycleAdminTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Suspending_makes_Verify_answer_suspended_records_who_and_why_and_the_customer_sees_the_store_paused_it()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, maxActivations: 2);
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, key);

        using var suspended = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.suspend-form", new Dictionary<string, string> { ["Reason"] = "Chargeback under review" });

        var after = await LicensePages.FollowAsync(admin, suspended);
        Assert.Contains(LicenseActionMessages.SuspendDone, LicensePages.Notice(after), StringComparison.Ordinal);
        Assert.Equal("Suspended", after.QuerySelector("dl.license-details .license-status")?.TextContent.Trim());
        Assert.Equal("Chargeback under review", after.QuerySelector("dd.suspension-reason")?.TextContent.Trim());
        Assert.Null(after.QuerySelector("form.suspend-form"));
        Assert.NotNull(after.QuerySelector("form.reinstate-form"));
        var history = LicensePages.Rows(after, "table.history").Last();
        Assert.Equal("Suspended", history["What"]);
        Assert.Equal(TestSite.AdminEmail, history["Who"]);
        Assert.Equal("Chargeback under review", history["Details"]);
        await AssertFailureAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"), 403, "License is suspended.", "suspended");

        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);
        var own = await customer.GetDocumentAsync("/account/licenses");
        Assert.Equal("Paused by the store on 2026-03-10", own.QuerySelector("table.customer-licenses .license-paused")?.TextContent.Trim());
        Assert.DoesNotContain("Chargeback", own.Source.Text, StringComparison.Ordinal);
        Assert.Equal(["Suspended"], LicensePages.Rows(await admin.GetDocumentAsync("/admin/licenses?status=suspended")).Select(r => r["Status"]));
    }

    [Fact]
    public async Task Reinstating_makes_the_key_valid_again_and_is_in_the_history()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, maxActivations: 2);
        var api = site.CreateClient();
        var id = await LicensePages.IdOfAsync(site, key);
        await site.InScopeAsync(sp => sp.GetRequiredService<LicenseSuspensions>().SuspendAsync(id, "Paused", TestSite.AdminEmail, CancellationToken.None));
        await AssertFailureAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"), 403, "License is suspended.", "suspended");
        var admin = await site.AdminAsync();

        using var reinstated = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.reinstate-form", new Dictionary<string, string>());

        var after = await LicensePages.FollowAsync(admin, reinstated);
        Assert.Contains(LicenseActionMessages.ReinstateDone, LicensePages.Notice(after), StringComparison.Ordinal);
        Assert.Equal("Active", after.QuerySelector("dl.license-details .license-status")?.TextContent.Trim());
        Assert.Equal(["Issued", "Suspended", "Reinstated"], LicensePages.Rows(after, "table.history").Select(r => r["What"]));
        Assert.Equal(TestSite.AdminEmail, LicensePages.Rows(after, "table.history").Last()["Who"]);
        await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        var stored = await LoadAsync(site, key);
        Assert.Null(stored.SuspendedAt);
        Assert.Null(stored.SuspensionReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Suspending_without_a_reason_is_refused_next_to_the_field_and_changes_nothing(string reason)
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site);
        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, key);

        using var refused = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.suspend-form", new Dictionary<string, string> { ["Reason"] = reason });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(LicenseActionMessages.SuspendReasonRequired, Html.FieldError(await Html.ParseAsync(refused), "Reason"));
        var stored = await LoadAsync(site, key);
        Assert.Null(stored.SuspendedAt);
        Assert.DoesNotContain(stored.Events, e => e.Kind == LicenseEventKind.Suspended);
        await AssertValidAsync(await VerifyAsync(site.CreateClient(), key, "a.example.com", from: "10.0.0.1"));
    }

    [Fact]
    public async Task A_revoked_key_offers_no_suspension_and_refuses_suspend_reinstate_and_expiry_posts()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site);
        var id = await LicensePages.IdOfAsync(site, key);
        await site.InScopeAsync(sp => sp.GetRequiredService<LicenseRevoker>().RevokeAsync(id, "Leaked", TestSite.AdminEmail, CancellationToken.None));
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync($"/admin/licenses/{id}");
        Assert.Null(page.QuerySelector("form.suspend-form"));
        Assert.Null(page.QuerySelector("form.reinstate-form"));
        Assert.Null(page.QuerySelector("form.expiry-form"));
        var token = Html.AntiforgeryToken(await admin.GetDocumentAsync("/admin/licenses/generate"));

        using var suspend = await admin.PostAsync($"/admin/licenses/{id}/suspend", LicenseSlotsTests.Form(token, ("reason", "Again")));
        Assert.Contains(LicenseActionMessages.RevokedNoSuspension, LicensePages.Notice(await LicensePages.FollowAsync(admin, suspend)), StringComparison.Ordinal);
        using var reinstate = await admin.PostAsync($"/admin/licenses/{id}/reinstate", LicenseSlotsTests.Form(token));
        Assert.Contains(LicenseActionMessages.RevokedNoSuspension, LicensePages.Notice(await LicensePages.FollowAsync(admin, reinstate)), StringComparison.Ordinal);
        using var expiry = await admin.PostAsync($"/admin/licenses/{id}/expiry", LicenseSlotsTests.Form(token, ("lifetime", "true")));
        Assert.Contains(LicenseActionMessages.Revoked, LicensePages.Notice(await LicensePages.FollowAsync(admin, expiry)), StringComparison.Ordinal);

        var stored = await LoadAsync(site, key);
        Assert.Null(stored.SuspendedAt);
        Assert.DoesNotContain(stored.Events, e => e.Kind is LicenseEventKind.Suspended or LicenseEventKind.Reinstated or LicenseEventKind.ExpiryChanged);
        await AssertFailureAsync(await VerifyAsync(site.CreateClient(), key, "a.example.com", from: "10.0.0.1"), 403, "License has been revoked.", "revoked");
    }

    [Fact]
    public async Task Reinstating_a_key_that_is_not_suspended_says_so_and_adds_no_history()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site);
        var id = await LicensePages.IdOfAsync(site, key);
        var admin = await site.AdminAsync();
        var token = Html.AntiforgeryToken(await admin.GetDocumentAsync("/admin/licenses/generate"));

        using var reinstate = await admin.PostAsync($"/admin/licenses/{id}/reinstate", LicenseSlotsTests.Form(token));

        Assert.Contains(LicenseActionMessages.NotSuspended, LicensePages.Notice(await LicensePages.FollowAsync(admin, reinstate)), StringComparison.Ordinal);
        Assert.DoesNotContain((await LoadAsync(site, key)).Events, e => e.Kind == LicenseEventKind.Reinstated);
    }

    [Fact]
    public async Task Moving_the_expiry_shows_in_Verify_at_once_expired_in_the_past_and_back_to_Lifetime()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, expiresOn: new DateOnly(2027, 3, 10));
        var api = site.CreateClient();
        var body = await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        Assert.Equal("2027-03-10", body.GetProperty("expiry").GetString());
        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, key);

        using var later = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.expiry-form", new Dictionary<string, string> { ["Expiry"] = "2028-01-31" });
        var page = await LicensePages.FollowAsync(admin, later);
        Assert.Contains("Expiry changed from 2027-03-10 to 2028-01-31", LicensePages.Notice(page), StringComparison.Ordinal);
        body = await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        Assert.Equal("2028-01-31", body.GetProperty("expiry").GetString());
        var history = LicensePages.Rows(page, "table.history").Last();
        Assert.Equal("Expiry changed", history["What"]);
        Assert.Equal(TestSite.AdminEmail, history["Who"]);
        Assert.Equal("Expiry changed from 2027-03-10 to 2028-01-31.", history["Details"]);

        using var past = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.expiry-form", new Dictionary<string, string> { ["Expiry"] = "2026-03-09" });
        Assert.Equal("Expired", (await LicensePages.FollowAsync(admin, past)).QuerySelector("dl.license-details .license-status")?.TextContent.Trim());
        await AssertFailureAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"), 403, "License expired.", "expired");

        using var lifetime = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.expiry-form", new Dictionary<string, string> { ["Expiry"] = string.Empty, ["lifetime"] = "true" });
        Assert.Contains("Expiry changed from 2026-03-09 to Lifetime", LicensePages.Notice(await LicensePages.FollowAsync(admin, lifetime)), StringComparison.Ordinal);
        body = await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("expiry").ValueKind);
        Assert.True(body.GetProperty("lifetime").GetBoolean());
        Assert.Null((await LoadAsync(site, key)).ExpiresOn);

        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);
        Assert.Contains("Lifetime", (await customer.GetDocumentAsync("/account/licenses")).QuerySelector("table.customer-licenses tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Enter an expiry date, or tick Lifetime.")]
    [InlineData("31/01/2028", "Enter the date as YYYY-MM-DD, e.g. 2027-03-31.")]
    public async Task An_expiry_that_is_neither_a_date_nor_Lifetime_is_refused_next_to_the_field(string value, string message)
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, expiresOn: new DateOnly(2027, 3, 10));
        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, key);

        using var refused = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.expiry-form", new Dictionary<string, string> { ["Expiry"] = value });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(message, Html.FieldError(await Html.ParseAsync(refused), "Expiry"));
        Assert.Equal(new DateOnly(2027, 3, 10), (await LoadAsync(site, key)).ExpiresOn);
    }
}
