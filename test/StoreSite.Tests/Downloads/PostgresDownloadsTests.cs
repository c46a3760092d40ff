using System.Net;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Downloads.DownloadsArrange;

namespace StoreSite.Tests.Downloads;

/// <summary>The downloads queries on PostgreSQL: uploads, the entitlement's reads of licenses and paid order lines, Account -> Downloads, the download log.</summary>
public sealed class PostgresDownloadsTests
{
    [Fact]
    public async Task Entitlement_and_the_downloads_page_work_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = StartSite(o => o.PostgresConnectionString = database.ConnectionString);
        await AddUnlicensedProductAsync(site);
        await PublishAsync(site, IconPack, "1.0.0", new DateOnly(2026, 2, 1));
        await PublishAsync(site, Store.SiteBuilder, "1.1.0", new DateOnly(2026, 3, 1));
        MoveTo(site, new DateOnly(2026, 7, 1));
        const string email = "pg-downloads@example.com";
        var (client, number) = await BuyAsync(site, email, IconPack, IconPackPlan);
        var customerId = await CustomerIdAsync(site, email);
        // The Licenses step gives the registered customer a key that expired before 1.1.0 (the step's Users entry is someone else).
        await CustomerWithLicensesAsync(site, "other@example.com", License(email, Store.SiteBuilder, "2026-02-01"));

        Assert.Equal(["1.0.0"], await DownloadableAsync(site, customerId, IconPack));
        Assert.Equal(["1.0.0"], await DownloadableAsync(site, customerId, Store.SiteBuilder));
        var page = await client.GetDocumentAsync("/account/downloads");
        Assert.Equal(["Icon Pack", "Site Builder Pro"], page.QuerySelectorAll("section.product-downloads h2").Select(h => h.TextContent));

        // The download log on PostgreSQL: a plan without a key and an expired key's release, on the admin's page and the key's.
        using var anonymous = site.CreateClient();
        foreach (var href in page.QuerySelectorAll("section.product-downloads .latest-release a.download-link").Select(a => a.GetAttribute("href")!))
        {
            using var served = await anonymous.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        var iconPack = await ReleasePages.ProductIdAsync(site, IconPack);
        var admin = await site.AdminAsync();
        var log = await admin.GetDocumentAsync($"/admin/products/{iconPack}/releases/{(await ReleasePages.ReleasesAsync(site, iconPack)).Single().Id}/downloads");
        Assert.Equal(email, log.QuerySelector("table.release-downloads td[data-label='Customer']")?.TextContent.Trim());
        var licenseId = (await EntitlementsAsync(site, customerId)).Single(e => e.LicenseId is not null).LicenseId;
        var keyPage = await client.GetDocumentAsync($"/account/licenses/{licenseId}");
        Assert.Single(keyPage.QuerySelectorAll("section#downloads table.key-downloads tbody tr"));

        await RefundAsync(site, number);

        Assert.Empty(await DownloadableAsync(site, customerId, IconPack));
        var left = Assert.Single(await EntitlementsAsync(site, customerId));
        Assert.Equal((await ReleasePages.ProductIdAsync(site, Store.SiteBuilder), new DateOnly(2026, 2, 1)), (left.ProductId, left.Window.Until!.Value));
    }
}
