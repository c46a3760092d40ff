using System.Globalization;
using System.Net;
using CP.Licensing.Admin;
using CP.Licensing.Data;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>
/// The counts the admin list and dashboard read from the tallies (kept by triggers), checked against
/// the licenses themselves after every kind of write: import, an order paid, a manual key, revoke,
/// bulk suspend and reinstate, an order refunded, an expiry edit, and days passing. Run on both databases.
/// </summary>
internal static class LicenseCountsScenario
{
    public static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(TestSite site)
    {
        var admin = await site.AdminAsync();
        var imported = await LicensePages.ImportAsync(
            site,
            License(expiry: null),
            License(expiry: "2026-03-11"),
            License(expiry: "2026-03-09"),
            License(expiry: "2027-01-01", status: "Revoked"),
            License(expiry: "2027-01-01", status: "Suspended"));
        await AssertCountsAsync(site, admin, active: 2, expired: 1, revoked: 1, suspended: 1);

        await OrderArrange.SavePlansAsync(site);
        var order = await OrderArrange.OrderAsync(site, "SO-1001", Noon, (OrderArrange.SingleSitePlan, "Gallery Pro", 2));
        await OrderArrange.PaidAsync(site, order);
        var manual = await IssueAsync(site, expiresOn: new DateOnly(2026, 3, 12));
        await AssertCountsAsync(site, admin, active: 5, expired: 1, revoked: 1, suspended: 1);

        var id = await LicensePages.IdOfAsync(site, imported[0]);
        using (var revoked = await admin.SubmitFormAsync($"/admin/licenses/{id}/revoke", "form.revoke-form", new Dictionary<string, string> { ["Reason"] = "Shared on a forum" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        await AssertCountsAsync(site, admin, active: 4, expired: 1, revoked: 2, suspended: 1);

        var ids = new List<string>();
        foreach (var key in new[] { imported[1], imported[2], manual })
        {
            ids.Add((await LicensePages.IdOfAsync(site, key)).ToString(CultureInfo.InvariantCulture));
        }

        var token = Html.AntiforgeryToken(await admin.GetDocumentAsync(LicensePages.ListUrl));
        using (var suspended = await admin.PostAsync("/admin/licenses/bulk", LicenseBulkActionsTests.Bulk(token, "suspend", "Fraud check", ids)))
        {
            Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        }

        await AssertCountsAsync(site, admin, active: 2, expired: 0, revoked: 2, suspended: 4);
        using (var reinstated = await admin.PostAsync("/admin/licenses/bulk", LicenseBulkActionsTests.Bulk(token, "reinstate", null, ids.Take(2))))
        {
            Assert.Equal(HttpStatusCode.Redirect, reinstated.StatusCode);
        }

        await AssertCountsAsync(site, admin, active: 3, expired: 1, revoked: 2, suspended: 2);

        await OrderArrange.RefundedAsync(site, order);
        await AssertCountsAsync(site, admin, active: 1, expired: 1, revoked: 4, suspended: 2);

        // An expiry edit moves a key between the working rows: into the past, then to Lifetime.
        var edited = await LicensePages.IdOfAsync(site, imported[1]);
        using (var past = await admin.SubmitFormAsync($"/admin/licenses/{edited}", "form.expiry-form", new Dictionary<string, string> { ["Expiry"] = "2026-03-01" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, past.StatusCode);
        }

        await AssertCountsAsync(site, admin, active: 0, expired: 2, revoked: 4, suspended: 2);
        using (var lifetime = await admin.SubmitFormAsync($"/admin/licenses/{edited}", "form.expiry-form", new Dictionary<string, string> { ["Expiry"] = string.Empty, ["lifetime"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, lifetime.StatusCode);
        }

        await AssertCountsAsync(site, admin, active: 1, expired: 1, revoked: 4, suspended: 2);

        // Expired is a matter of the day: the counts move with the clock, with no write at all.
        using (var reinstated = await admin.PostAsync("/admin/licenses/bulk", LicenseBulkActionsTests.Bulk(token, "reinstate", null, ids.Skip(2))))
        {
            Assert.Equal(HttpStatusCode.Redirect, reinstated.StatusCode);
        }

        await AssertCountsAsync(site, admin, active: 2, expired: 1, revoked: 4, suspended: 1);
        site.Clock.Advance(TimeSpan.FromDays(3));
        await AssertCountsAsync(site, admin, active: 1, expired: 2, revoked: 4, suspended: 1);
    }

    /// <summary>
    /// The list's count per status filter and the dashboard's card say what is asked, and the tallies
    /// hold exactly what the licenses do: per (state, expiry date) and issued per quarter hour.
    /// </summary>
    public static async Task AssertCountsAsync(TestSite site, HttpClient admin, int active, int expired, int revoked, int suspended)
    {
        var expected = new Dictionary<string, int> { ["active"] = active, ["expired"] = expired, ["revoked"] = revoked, ["suspended"] = suspended };
        var dashboard = await admin.GetDocumentAsync("/admin");
        foreach (var (status, count) in expected)
        {
            var list = await admin.GetDocumentAsync("/admin/licenses?status=" + status);
            Assert.Equal($"{count} license{(count == 1 ? string.Empty : "s")}.", list.QuerySelector(".license-count .muted")?.TextContent.Trim());
            Assert.Equal(count, LicensePages.Rows(list).Count);
            Assert.Equal(count.ToString(CultureInfo.InvariantCulture), dashboard.Text($".licenses-dashboard li[data-status='{status}'] strong"));
        }

        var all = expected.Values.Sum();
        Assert.Equal($"{all} licenses.", (await admin.GetDocumentAsync(LicensePages.ListUrl)).QuerySelector(".license-count .muted")?.TextContent.Trim());
        Assert.Equal($"All {all} licenses", dashboard.QuerySelector(".licenses-dashboard a[href='/admin/licenses']")!.TextContent.Trim());

        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LicensingDbContext>();
            var licenses = await db.Licenses.AsNoTracking().Select(l => new { l.RevokedAt, l.SuspendedAt, l.ExpiresOn, l.IssuedAt }).ToListAsync();
            var byState = licenses
                .GroupBy(l => (State: l.RevokedAt is not null ? LicenseTallyState.Revoked : l.SuspendedAt is not null ? LicenseTallyState.Suspended : LicenseTallyState.Working, Expiry: l.ExpiresOn ?? LicenseConfiguration.LifetimeSortDate))
                .ToDictionary(g => g.Key, g => (long)g.Count());
            var tallies = (await db.LicenseTallies.AsNoTracking().Where(t => t.Count != 0).ToListAsync()).ToDictionary(t => (t.State, Expiry: t.ExpirySort), t => t.Count);
            Assert.Equal(byState.OrderBy(p => p.Key), tallies.OrderBy(p => p.Key));
            var byQuarter = licenses.GroupBy(l => LicenseIssuedTally.QuarterOf(l.IssuedAt)).ToDictionary(g => g.Key, g => (long)g.Count());
            var issued = (await db.LicenseIssuedTallies.AsNoTracking().Where(t => t.Count != 0).ToListAsync()).ToDictionary(t => t.Quarter, t => t.Count);
            Assert.Equal(byQuarter.OrderBy(p => p.Key), issued.OrderBy(p => p.Key));
            var counts = await sp.GetRequiredService<LicenseListQuery>().CountByStatusAsync(CancellationToken.None);
            Assert.Equal((active, expired, revoked, suspended), (counts.Active, counts.Expired, counts.Revoked, counts.Suspended));
        });
    }
}
