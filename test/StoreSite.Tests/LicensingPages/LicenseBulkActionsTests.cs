using System.Net;
using System.Text;
using CP.Licensing.Controllers;
using CP.Licensing.Models;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>Bulk actions on the Licenses list: chosen rows or all matching a filter, with a report of what was done and skipped.</summary>
public sealed class LicenseBulkActionsTests
{
    [Fact]
    public async Task Suspending_three_keys_of_which_one_is_revoked_suspends_two_and_reports_the_skipped_one_with_its_reason()
    {
        await using var site = await LicensingSite.StartAsync();
        var keys = await LicensePages.ImportAsync(site, License(product: "A"), License(product: "B"), License(product: "C", status: "Revoked"));
        var admin = await site.AdminAsync();
        var list = await admin.GetDocumentAsync(LicensePages.ListUrl);
        var ids = new List<string>();
        foreach (var key in keys)
        {
            ids.Add((await LicensePages.IdOfAsync(site, key)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var done = await admin.PostAsync("/admin/licenses/bulk", Bulk(Html.AntiforgeryToken(list), "suspend", "Fraud check", ids));

        var after = await LicensePages.FollowAsync(admin, done);
        Assert.Contains($"Suspended 2 keys. Skipped 1: already revoked ({keys[2]}).", LicensePages.Notice(after), StringComparison.Ordinal);
        var api = site.CreateClient();
        foreach (var key in keys.Take(2))
        {
            var stored = await LoadAsync(site, key);
            Assert.Equal("Fraud check", stored.SuspensionReason);
            Assert.Equal(TestSite.AdminEmail, stored.SuspendedBy);
            var entry = Assert.Single(stored.Events, e => e.Kind == LicenseEventKind.Suspended);
            Assert.Equal("Fraud check", entry.Detail);
            Assert.Equal(TestSite.AdminEmail, entry.Actor);
            await AssertFailureAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"), 403, "License is suspended.", "suspended");
        }

        var revoked = await LoadAsync(site, keys[2]);
        Assert.Null(revoked.SuspendedAt);
        Assert.DoesNotContain(revoked.Events, e => e.Kind == LicenseEventKind.Suspended);

        using var reinstated = await admin.PostAsync("/admin/licenses/bulk", Bulk(Html.AntiforgeryToken(after), "reinstate", null, ids));
        Assert.Contains($"Reinstated 2 keys. Skipped 1: already revoked ({keys[2]}).", LicensePages.Notice(await LicensePages.FollowAsync(admin, reinstated)), StringComparison.Ordinal);
        await AssertValidAsync(await VerifyAsync(api, keys[0], "a.example.com", from: "10.0.0.1"));
    }

    [Fact]
    public async Task Revoking_all_matching_a_filter_revokes_exactly_those_keys_through_the_same_history_as_one_revoke()
    {
        await using var site = await LicensingSite.StartAsync();
        var keys = await LicensePages.ImportAsync(site, License(product: "Gallery Pro"), License(product: "Gallery Lite"), License(product: "Forms Plus"), License(product: "Gallery Old", status: "Revoked"));
        var admin = await site.AdminAsync();
        var list = await admin.GetDocumentAsync(LicensePages.ListUrl + "?q=gallery");
        Assert.Contains("All 3 matching this filter", list.QuerySelector("fieldset.bulk-actions")!.TextContent, StringComparison.Ordinal);

        using var done = await admin.PostAsync("/admin/licenses/bulk", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Html.AntiforgeryToken(list)), new("all", "true"), new("q", "gallery"), new("action", "revoke"), new("reason", "Product withdrawn"),
        ]));

        Assert.Equal("/admin/licenses?q=gallery", done.Headers.Location?.OriginalString);
        Assert.Contains($"Revoked 2 keys. Skipped 1: already revoked ({keys[3]}).", LicensePages.Notice(await LicensePages.FollowAsync(admin, done)), StringComparison.Ordinal);
        foreach (var key in keys.Take(2))
        {
            var stored = await LoadAsync(site, key);
            Assert.Equal("Product withdrawn", stored.RevocationReason);
            Assert.Single(stored.Events, e => e.Kind == LicenseEventKind.Revoked && e.Detail == "Product withdrawn" && e.Actor == TestSite.AdminEmail);
        }

        Assert.Null((await LoadAsync(site, keys[2])).RevokedAt);
        await AssertValidAsync(await VerifyAsync(site.CreateClient(), keys[2], "a.example.com", from: "10.0.0.1"));
    }

    [Theory]
    [InlineData("suspend", "")]
    [InlineData("revoke", "  ")]
    public async Task Suspend_and_revoke_without_a_reason_change_nothing_and_say_why(string action, string reason)
    {
        await using var site = await LicensingSite.StartAsync();
        var keys = await LicensePages.ImportAsync(site, License());
        var admin = await site.AdminAsync();
        var list = await admin.GetDocumentAsync(LicensePages.ListUrl);
        var id = (await LicensePages.IdOfAsync(site, keys[0])).ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var refused = await admin.PostAsync("/admin/licenses/bulk", Bulk(Html.AntiforgeryToken(list), action, reason, [id]));

        Assert.Contains(LicenseActionMessages.BulkReasonRequired, LicensePages.Notice(await LicensePages.FollowAsync(admin, refused)), StringComparison.Ordinal);
        var stored = await LoadAsync(site, keys[0]);
        Assert.Null(stored.SuspendedAt);
        Assert.Null(stored.RevokedAt);
    }

    [Fact]
    public async Task Nothing_selected_and_an_unknown_action_are_refused_with_a_notice()
    {
        await using var site = await LicensingSite.StartAsync();
        var keys = await LicensePages.ImportAsync(site, License());
        var admin = await site.AdminAsync();
        var token = Html.AntiforgeryToken(await admin.GetDocumentAsync(LicensePages.ListUrl));
        var id = (await LicensePages.IdOfAsync(site, keys[0])).ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var none = await admin.PostAsync("/admin/licenses/bulk", Bulk(token, "suspend", "x", []));
        Assert.Contains(LicenseActionMessages.BulkNothingSelected, LicensePages.Notice(await LicensePages.FollowAsync(admin, none)), StringComparison.Ordinal);
        using var unknown = await admin.PostAsync("/admin/licenses/bulk", Bulk(token, "delete", "x", [id]));
        Assert.Contains(LicenseActionMessages.BulkActionUnknown, LicensePages.Notice(await LicensePages.FollowAsync(admin, unknown)), StringComparison.Ordinal);
        Assert.Null((await LoadAsync(site, keys[0])).SuspendedAt);
    }

    [Fact]
    public async Task Export_selected_writes_only_the_chosen_keys_with_a_Suspended_status()
    {
        await using var site = await LicensingSite.StartAsync();
        var keys = await LicensePages.ImportAsync(site, License(product: "A"), License(product: "B", status: "Suspended"), License(product: "C"));
        var admin = await site.AdminAsync();
        var token = Html.AntiforgeryToken(await admin.GetDocumentAsync(LicensePages.ListUrl));
        var ids = new List<string>();
        foreach (var key in keys.Take(2))
        {
            ids.Add((await LicensePages.IdOfAsync(site, key)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var csv = await admin.PostAsync("/admin/licenses/bulk", Bulk(token, "export", null, ids));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith(keys[1] + ",", lines[1], StringComparison.Ordinal);
        Assert.Contains(",Suspended,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(keys[0] + ",", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(keys[2], string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_has_a_checkbox_per_row_and_the_bulk_form_needs_its_antiforgery_token()
    {
        await using var site = await LicensingSite.StartAsync();
        var keys = await LicensePages.ImportAsync(site, License(), License());
        var admin = await site.AdminAsync();
        var list = await admin.GetDocumentAsync(LicensePages.ListUrl);
        Assert.Equal(2, list.QuerySelectorAll("form.bulk-form table.licenses tbody input.bulk-select[name='ids']").Length);
        Assert.NotNull(list.QuerySelector("form.bulk-form input[name='__RequestVerificationToken']"));
        var id = (await LicensePages.IdOfAsync(site, keys[0])).ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var noToken = await admin.PostAsync("/admin/licenses/bulk", new FormUrlEncodedContent([new("ids", id), new("action", "suspend"), new("reason", "x")]));

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Null((await LoadAsync(site, keys[0])).SuspendedAt);
    }

    internal static FormUrlEncodedContent Bulk(string token, string action, string? reason, IEnumerable<string> ids) =>
        new(
        [
            new("__RequestVerificationToken", token), new("action", action), new("reason", reason ?? string.Empty),
            .. ids.Select(id => new KeyValuePair<string, string>("ids", id)),
        ]);
}
