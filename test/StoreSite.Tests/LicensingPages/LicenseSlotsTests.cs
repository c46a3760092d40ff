using System.Net;
using CP.Licensing.Controllers;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>Free a slot and change Max Activations from the key's detail page, checked through the Verify API.</summary>
public sealed class LicenseSlotsTests
{
    [Fact]
    public async Task Freeing_a_slot_lets_the_next_new_environment_activate_and_records_who_and_when()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 2);
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        await AssertValidAsync(await VerifyAsync(api, key, "b.example.com", from: "10.0.0.2"));
        await AssertFailureAsync(await VerifyAsync(api, key, "c.example.com", from: "10.0.0.3"), 403, "Max activations exceeded.", "max_activations");
        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, key);
        site.Clock.Advance(TimeSpan.FromMinutes(5));

        var page = await admin.GetDocumentAsync($"/admin/licenses/{id}");
        var environment = (await LoadAsync(site, key)).Activations.Single(a => a.Domain == "a.example.com");
        using var freed = await admin.SubmitFormAsync(page, $"tr[data-environment-id='{environment.Id}'] form.free-slot-form", new Dictionary<string, string>());

        var after = await LicensePages.FollowAsync(admin, freed);
        Assert.Contains("Removed a.example.com (10.0.0.1): one slot is free.", LicensePages.Notice(after), StringComparison.Ordinal);
        Assert.Equal("1", after.QuerySelector("dd.activations-used")?.TextContent.Trim());
        Assert.Equal(["b.example.com"], LicensePages.Rows(after, "table.environments").Select(r => r["Domain"]));
        var history = LicensePages.Rows(after, "table.history").Last();
        Assert.Equal("Slot freed", history["What"]);
        Assert.Equal(TestSite.AdminEmail, history["Who"]);
        Assert.Contains("a.example.com (10.0.0.1)", history["Details"], StringComparison.Ordinal);
        var stored = await LoadAsync(site, key);
        var entry = stored.Events.Single(e => e.Kind == LicenseEventKind.SlotFreed);
        Assert.Equal(site.Clock.GetUtcNow(), entry.At);
        Assert.Equal(1, stored.ActivationsUsed);

        var body = await AssertValidAsync(await VerifyAsync(api, key, "c.example.com", from: "10.0.0.3"));
        Assert.Equal(2, body.GetProperty("activations").GetProperty("used").GetInt32());
        await AssertFailureAsync(await VerifyAsync(api, key, "d.example.com", from: "10.0.0.4"), 403, "Max activations exceeded.", "max_activations");
        stored = await LoadAsync(site, key);
        Assert.Equal(stored.Activations.Count, stored.ActivationsUsed);
    }

    [Fact]
    public async Task Raising_the_limit_lets_the_next_new_environment_activate_and_is_in_the_history()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1);
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        await AssertFailureAsync(await VerifyAsync(api, key, "b.example.com", from: "10.0.0.2"), 403, "Max activations exceeded.", "max_activations");
        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, key);

        using var changed = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.max-activations-form", new Dictionary<string, string> { ["MaxActivations"] = "2" });

        var after = await LicensePages.FollowAsync(admin, changed);
        Assert.Contains("Max Activations changed from 1 to 2.", LicensePages.Notice(after), StringComparison.Ordinal);
        var history = LicensePages.Rows(after, "table.history").Last();
        Assert.Equal("Max Activations changed", history["What"]);
        Assert.Equal(TestSite.AdminEmail, history["Who"]);
        var body = await AssertValidAsync(await VerifyAsync(api, key, "b.example.com", from: "10.0.0.2"));
        Assert.Equal(2, body.GetProperty("activations").GetProperty("max").GetInt32());
        await AssertFailureAsync(await VerifyAsync(api, key, "c.example.com", from: "10.0.0.3"), 403, "Max activations exceeded.", "max_activations");
    }

    [Fact]
    public async Task Setting_the_limit_to_0_makes_the_key_unlimited()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1);
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, key);

        using var changed = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.max-activations-form", new Dictionary<string, string> { ["MaxActivations"] = "0" });

        var after = await LicensePages.FollowAsync(admin, changed);
        Assert.Contains("Max Activations changed from 1 to unlimited.", LicensePages.Notice(after), StringComparison.Ordinal);
        for (var i = 2; i <= 4; i++)
        {
            await AssertValidAsync(await VerifyAsync(api, key, $"site{i}.example.com", from: $"10.0.0.{i}"));
        }

        Assert.Equal(4, (await LoadAsync(site, key)).ActivationsUsed);
    }

    [Fact]
    public async Task Lowering_the_limit_below_activations_used_is_refused_with_how_many_environments_to_remove()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 5);
        var api = site.CreateClient();
        for (var i = 1; i <= 4; i++)
        {
            await AssertValidAsync(await VerifyAsync(api, key, $"site{i}.example.com", from: $"10.0.0.{i}"));
        }

        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, key);

        using var refused = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.max-activations-form", new Dictionary<string, string> { ["MaxActivations"] = "2" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Equal("This key has 4 environments; remove 2 before lowering the limit to 2.", Html.FieldError(page, "MaxActivations"));
        Assert.Equal("2", page.QuerySelector("input[name='MaxActivations']")?.GetAttribute("value"));
        var stored = await LoadAsync(site, key);
        Assert.Equal(5, stored.MaxActivations);
        Assert.DoesNotContain(stored.Events, e => e.Kind == LicenseEventKind.MaxActivationsChanged);

        using var toUsed = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.max-activations-form", new Dictionary<string, string> { ["MaxActivations"] = "4" });
        Assert.Equal(HttpStatusCode.Redirect, toUsed.StatusCode);
        Assert.Equal(4, (await LoadAsync(site, key)).MaxActivations);
    }

    [Theory]
    [InlineData("-1", "Enter a number from 0 (unlimited) to 1000000.")]
    [InlineData("1000001", "Enter a number from 0 (unlimited) to 1000000.")]
    [InlineData("", "Enter a number (0 is unlimited).")]
    [InlineData("lots", "The value 'lots' is not valid for Max Activations.")]
    public async Task A_limit_that_is_not_a_number_from_0_is_refused_next_to_the_field(string value, string message)
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 3);
        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, key);

        using var refused = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.max-activations-form", new Dictionary<string, string> { ["MaxActivations"] = value });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(message, Html.FieldError(await Html.ParseAsync(refused), "MaxActivations"));
        Assert.Equal(3, (await LoadAsync(site, key)).MaxActivations);
    }

    [Fact]
    public async Task A_revoked_key_offers_neither_change_and_refuses_both_posts()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1);
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        var id = await LicensePages.IdOfAsync(site, key);
        await site.InScopeAsync(sp => sp.GetRequiredService<LicenseRevoker>().RevokeAsync(id, "Chargeback", TestSite.AdminEmail, CancellationToken.None));
        var environment = (await LoadAsync(site, key)).Activations.Single();
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync($"/admin/licenses/{id}");
        Assert.Empty(page.QuerySelectorAll("form.free-slot-form"));
        Assert.Null(page.QuerySelector("form.max-activations-form"));
        Assert.Null(page.QuerySelector("a.revoke-link"));

        var token = Html.AntiforgeryToken(await admin.GetDocumentAsync("/admin/licenses/generate"));
        using var free = await admin.PostAsync($"/admin/licenses/{id}/environments/{environment.Id}/remove", Form(token));
        Assert.Contains(LicenseActionMessages.Revoked, LicensePages.Notice(await LicensePages.FollowAsync(admin, free)), StringComparison.Ordinal);
        using var raise = await admin.PostAsync($"/admin/licenses/{id}/max-activations", Form(token, ("MaxActivations", "5")));
        Assert.Contains(LicenseActionMessages.Revoked, LicensePages.Notice(await LicensePages.FollowAsync(admin, raise)), StringComparison.Ordinal);

        var stored = await LoadAsync(site, key);
        Assert.Equal(1, stored.MaxActivations);
        Assert.Equal(1, stored.ActivationsUsed);
        Assert.Single(stored.Activations);
        Assert.DoesNotContain(stored.Events, e => e.Kind is LicenseEventKind.SlotFreed or LicenseEventKind.MaxActivationsChanged);
        await AssertFailureAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"), 403, "License has been revoked.", "revoked");
    }

    [Fact]
    public async Task Freeing_the_same_slot_twice_frees_it_once()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 3);
        var api = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        await AssertValidAsync(await VerifyAsync(api, key, "b.example.com", from: "10.0.0.2"));
        var id = await LicensePages.IdOfAsync(site, key);
        var environment = (await LoadAsync(site, key)).Activations.First();
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync($"/admin/licenses/{id}");

        using var first = await admin.SubmitFormAsync(page, $"tr[data-environment-id='{environment.Id}'] form", new Dictionary<string, string>());
        using var second = await admin.SubmitFormAsync(page, $"tr[data-environment-id='{environment.Id}'] form", new Dictionary<string, string>());

        Assert.Contains("That environment is no longer on this key's allow-list.", LicensePages.Notice(await LicensePages.FollowAsync(admin, second)), StringComparison.Ordinal);
        var stored = await LoadAsync(site, key);
        Assert.Equal(1, stored.ActivationsUsed);
        Assert.Single(stored.Activations);
        Assert.Single(stored.Events, e => e.Kind == LicenseEventKind.SlotFreed);
    }

    internal static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new([new KeyValuePair<string, string>("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
}
