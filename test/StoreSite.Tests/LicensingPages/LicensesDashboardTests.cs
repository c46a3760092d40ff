using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>The admin dashboard's Licenses card.</summary>
public sealed class LicensesDashboardTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static string Count(AngleSharp.Dom.IDocument page, string status) => page.Text($".licenses-dashboard li[data-status='{status}'] strong");

    [Fact]
    public async Task The_dashboard_counts_licenses_by_status_today_and_links_to_each_filter()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        await LicensePages.ImportAsync(
            site,
            License(expiry: null),
            License(expiry: "2026-03-10"),
            License(expiry: "2026-03-09"),
            License(expiry: "2027-01-01", status: "Revoked"),
            License(expiry: "2020-01-01", status: "Revoked"));
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin");

        Assert.Equal(["2", "1", "2"], new[] { "active", "expired", "revoked" }.Select(s => Count(page, s)));
        Assert.Equal("All 5 licenses", page.QuerySelector(".licenses-dashboard a[href='/admin/licenses']")!.TextContent.Trim());
        Assert.Equal("/admin/licenses?status=expired", page.QuerySelector(".licenses-dashboard li[data-status='expired'] a")!.GetAttribute("href"));

        // The expiry date is the last valid day: the day after, the key counts as expired.
        site.Clock.Advance(TimeSpan.FromDays(1));
        page = await admin.GetDocumentAsync("/admin");
        Assert.Equal(["1", "2", "2"], new[] { "active", "expired", "revoked" }.Select(s => Count(page, s)));
    }
}
