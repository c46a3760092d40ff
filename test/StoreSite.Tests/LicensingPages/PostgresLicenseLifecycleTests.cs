using System.Globalization;
using System.Net;
using System.Text;
using CP.Licensing.Models;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>The lifecycle's set statements (ids as one <c>integer[]</c> parameter) and single-key changes, on PostgreSQL.</summary>
public sealed class PostgresLicenseLifecycleTests
{
    [Fact]
    public async Task Bulk_suspend_reinstate_export_and_revoke_all_matching_work_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o => o.PostgresConnectionString = database.ConnectionString);
        var keys = await LicensePages.ImportAsync(
            site,
            License(product: "Gallery Pro"), License(product: "Gallery Lite"), License(product: "Gallery Old", status: "Revoked"), License(product: "Forms Plus"));
        var ids = new List<string>();
        foreach (var key in keys)
        {
            ids.Add((await LicensePages.IdOfAsync(site, key)).ToString(CultureInfo.InvariantCulture));
        }

        var admin = await site.AdminAsync();
        var api = site.CreateClient();
        var token = Html.AntiforgeryToken(await admin.GetDocumentAsync(LicensePages.ListUrl));

        using var suspended = await admin.PostAsync("/admin/licenses/bulk", LicenseBulkActionsTests.Bulk(token, "suspend", "Fraud check", ids.Take(3)));
        Assert.Contains($"Suspended 2 keys. Skipped 1: already revoked ({keys[2]}).", LicensePages.Notice(await LicensePages.FollowAsync(admin, suspended)), StringComparison.Ordinal);
        foreach (var key in keys.Take(2))
        {
            var stored = await LoadAsync(site, key);
            Assert.Equal("Fraud check", stored.SuspensionReason);
            Assert.Single(stored.Events, e => e.Kind == LicenseEventKind.Suspended && e.Detail == "Fraud check" && e.Actor == TestSite.AdminEmail);
            await AssertFailureAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"), 403, "License is suspended.", "suspended");
        }

        Assert.Null((await LoadAsync(site, keys[3])).SuspendedAt);

        using var csv = await admin.PostAsync("/admin/licenses/bulk", LicenseBulkActionsTests.Bulk(token, "export", null, [ids[0], ids[3]]));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith(keys[0] + ",", StringComparison.Ordinal) && l.Contains(",Suspended,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(keys[3] + ",", StringComparison.Ordinal) && l.Contains(",Active,", StringComparison.Ordinal));

        using var reinstated = await admin.PostAsync("/admin/licenses/bulk", LicenseBulkActionsTests.Bulk(token, "reinstate", null, ids));
        Assert.Contains("Reinstated 2 keys. Skipped 2:", LicensePages.Notice(await LicensePages.FollowAsync(admin, reinstated)), StringComparison.Ordinal);
        await AssertValidAsync(await VerifyAsync(api, keys[0], "a.example.com", from: "10.0.0.1"));

        using var revoked = await admin.PostAsync("/admin/licenses/bulk", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("all", "true"), new("q", "gallery"), new("action", "revoke"), new("reason", "Product withdrawn"),
        ]));
        Assert.Contains($"Revoked 2 keys. Skipped 1: already revoked ({keys[2]}).", LicensePages.Notice(await LicensePages.FollowAsync(admin, revoked)), StringComparison.Ordinal);
        foreach (var key in keys.Take(2))
        {
            var stored = await LoadAsync(site, key);
            Assert.Equal("Product withdrawn", stored.RevocationReason);
            Assert.Single(stored.Events, e => e.Kind == LicenseEventKind.Revoked && e.Actor == TestSite.AdminEmail);
        }

        Assert.Null((await LoadAsync(site, keys[3])).RevokedAt);
    }

    [Fact]
    public async Task Suspend_reinstate_expiry_and_transfer_of_one_key_work_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o =>
        {
            o.PostgresConnectionString = database.ConnectionString;
            o.Now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        });
        const string NewOwner = "new.owner@example.com";
        await CreateCustomerAsync(site, NewOwner);
        var key = (await LicensePages.ImportAsync(site, License(expiry: "2027-01-01"))).Single();
        var id = await LicensePages.IdOfAsync(site, key);
        var admin = await site.AdminAsync();
        var api = site.CreateClient();

        using var suspend = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.suspend-form", new Dictionary<string, string> { ["Reason"] = "Chargeback under review" });
        Assert.Equal(HttpStatusCode.Redirect, suspend.StatusCode);
        await AssertFailureAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"), 403, "License is suspended.", "suspended");
        using var reinstate = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.reinstate-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, reinstate.StatusCode);
        await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));

        using var past = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.expiry-form", new Dictionary<string, string> { ["Expiry"] = "2026-03-09" });
        Assert.Equal(HttpStatusCode.Redirect, past.StatusCode);
        await AssertFailureAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"), 403, "License expired.", "expired");
        using var lifetime = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.expiry-form", new Dictionary<string, string> { ["Expiry"] = string.Empty, ["lifetime"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, lifetime.StatusCode);
        var answer = await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("expiry").ValueKind);

        using var moved = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.transfer-form", new Dictionary<string, string> { ["customerEmail"] = NewOwner });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var stored = await LoadAsync(site, key);
        Assert.Equal(NewOwner, stored.CustomerEmail);
        Assert.Equal(
            [LicenseEventKind.Suspended, LicenseEventKind.Reinstated, LicenseEventKind.ExpiryChanged, LicenseEventKind.ExpiryChanged, LicenseEventKind.Transferred],
            stored.Events.Where(e => e.Kind is not (LicenseEventKind.Issued or LicenseEventKind.Imported or LicenseEventKind.Activated)).OrderBy(e => e.Id).Select(e => e.Kind));
        await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
    }
}
