using System.Globalization;
using CP.Licensing.Admin;
using CP.Licensing.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Data;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>
/// The Licenses list and dashboard at scale: counts from the tallies that never drift, a search that
/// counts up to <see cref="LicenseListQuery.MaxCounted"/> and says "more", and the near-limit index.
/// </summary>
public sealed class LicenseCountsTests
{
    [Fact]
    public async Task Status_counts_stay_exact_after_issue_revoke_suspend_reinstate_refund_expiry_edits_and_days_passing()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = LicenseCountsScenario.Noon);
        await LicenseCountsScenario.RunAsync(site);
    }

    [Fact]
    public async Task A_search_with_more_than_a_thousand_matches_says_more_than_and_pages_next_and_previous()
    {
        await using var site = await LicensingSite.StartAsync();
        await LicensePages.ImportAsync(site, [.. Enumerable.Range(0, LicenseListQuery.MaxCounted + 5).Select(_ => License(product: "Bulk Widget")), License(product: "Forms Plus", status: "Revoked")]);
        var admin = await site.AdminAsync();

        var first = await admin.GetDocumentAsync("/admin/licenses?q=bulk");

        Assert.Equal("More than 1,000 licenses matching “bulk”.", first.QuerySelector(".license-count .muted")?.TextContent.Trim());
        var pager = first.QuerySelector("nav.pager .muted")?.TextContent.Trim();
        Assert.Matches(@"^Page 1 of \d+\+ \(more than 1,000 in all\)$", pager);
        Assert.Null(first.QuerySelector("nav.pager .pager-last"));
        Assert.Contains("All (more than 1,000) matching this filter", first.QuerySelector("label:has(.bulk-all)")?.TextContent, StringComparison.Ordinal);
        var firstIds = Ids(first);
        Assert.NotEmpty(firstIds);
        Assert.Equal(firstIds.OrderDescending(), firstIds);

        var next = first.QuerySelector("nav.pager a[rel='next']")?.GetAttribute("href");
        Assert.Equal("/admin/licenses?q=bulk&page=2", next);
        var second = await admin.GetDocumentAsync(next!);
        var secondIds = Ids(second);
        Assert.Equal(firstIds.Count, secondIds.Count);
        Assert.True(secondIds.Max() < firstIds.Min(), "page 2 continues where page 1 ends, newest first");
        Assert.StartsWith("Page 2 of ", second.QuerySelector("nav.pager .muted")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("/admin/licenses?q=bulk&page=1", second.QuerySelector("nav.pager a[rel='prev']")?.GetAttribute("href"));
        Assert.Equal(firstIds, Ids(await admin.GetDocumentAsync("/admin/licenses?q=bulk&page=1")));

        // Without a search the count is exact, from the tallies, however many there are.
        Assert.Equal("1,006 licenses.", (await admin.GetDocumentAsync(LicensePages.ListUrl)).QuerySelector(".license-count .muted")?.TextContent.Trim());
        Assert.Equal("1,005 licenses.", (await admin.GetDocumentAsync("/admin/licenses?status=active")).QuerySelector(".license-count .muted")?.TextContent.Trim());
        Assert.Equal("1 license matching “forms”.", (await admin.GetDocumentAsync("/admin/licenses?q=forms")).QuerySelector(".license-count .muted")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_near_limit_card_and_filter_read_the_partial_index_on_sqlite()
    {
        await using var site = await LicensingSite.StartAsync();
        var keys = await LicensePages.ImportAsync(
            site,
            License(max: 5, activations: [("a.example", "10.0.0.1"), ("b.example", "10.0.0.2"), ("c.example", "10.0.0.3"), ("d.example", "10.0.0.4")]),
            License(max: 5, activations: [("a.example", "10.0.0.1")]),
            License(max: 0, activations: [("a.example", "10.0.0.1")]));
        var admin = await site.AdminAsync();

        Assert.Equal([keys[0]], await LicensePages.KeysAsync(admin, "/admin/licenses?usage=near-limit"));
        var plan = await PlanAsync(site, "EXPLAIN QUERY PLAN ");

        Assert.Contains(LicenseConfiguration.NearLimitIndex, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    /// <summary>The plan of the dashboard card's near-limit query, fullest first (its terms must imply the partial index's, or SQLite refuses the INDEXED BY; its order is the index's key).</summary>
    internal static Task<string> PlanAsync(TestSite site, string explain, string? before = null) => site.InScopeAsync(async sp =>
    {
        var database = sp.GetRequiredService<SiteDatabase>();
        var sql = LicenseListQuery.NearLimitSource(sp.GetRequiredService<LicensingDbContext>(), database.Provider)
            .Where(LicenseListQuery.NearLimit).OrderByDescending(l => (double)l.ActivationsUsed / l.MaxActivations).ThenByDescending(l => l.Id).Select(l => l.Id).ToQueryString();
        await database.OpenConnectionAsync(CancellationToken.None);
        if (before is not null)
        {
            await using var setting = database.CreateCommand(before);
            await setting.ExecuteNonQueryAsync();
        }

        await using var command = database.CreateCommand(explain + sql);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(Convert.ToString(reader.GetValue(reader.FieldCount - 1), CultureInfo.InvariantCulture)!);
        }

        if (before is not null)
        {
            // Pooled PostgreSQL connections carry no session state: the setting goes with the plan.
            await reader.DisposeAsync();
            await using var reset = database.CreateCommand("RESET ALL");
            await reset.ExecuteNonQueryAsync();
        }

        return string.Join('\n', lines);
    });

    private static List<int> Ids(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("tr[data-license-id]").Select(r => int.Parse(r.GetAttribute("data-license-id")!, CultureInfo.InvariantCulture)).ToList();
}
