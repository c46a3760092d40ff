using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Downloads.DownloadsArrange;

namespace StoreSite.Tests.Downloads;

/// <summary>
/// The entitlement table through the site: Site Builder Pro has 1.0.0 (published 2026-01-10, by the
/// store recipe), 1.1.0 (2026-03-01), 2.0.0 (2026-06-01) and a draft 2.1.0; today is 2026-07-01.
/// </summary>
public sealed class DownloadEntitlementsTests
{
    private const string Email = "entitled@example.com";

    [Theory]
    [InlineData("Active", null, "1.0.0 1.1.0 2.0.0")]
    [InlineData("Active", "2026-12-31", "1.0.0 1.1.0 2.0.0")]
    [InlineData("Active", "2026-07-01", "1.0.0 1.1.0 2.0.0")]
    [InlineData("Active", "2026-05-31", "1.0.0 1.1.0")]
    [InlineData("Active", "2026-03-01", "1.0.0 1.1.0")]
    [InlineData("Active", "2026-02-28", "1.0.0")]
    [InlineData("Active", "2026-01-09", "")]
    [InlineData("Revoked", null, "")]
    [InlineData("Revoked", "2026-12-31", "")]
    [InlineData("Suspended", null, "")]
    [InlineData("Suspended", "2026-05-31", "")]
    public async Task A_license_entitles_as_the_table_says(string status, string? expiry, string expected)
    {
        await using var site = await SiteWithReleasesAsync();
        var customerId = await CustomerWithLicensesAsync(site, Email, License(Email, Store.SiteBuilder, expiry, status));

        var versions = await DownloadableAsync(site, customerId, Store.SiteBuilder);

        Assert.Equal(expected, string.Join(' ', versions));
        Assert.Empty(await DownloadableAsync(site, customerId, "backup-guard"));
    }

    [Fact]
    public async Task Several_keys_for_one_product_entitle_as_the_widest_and_a_key_for_another_product_gives_nothing_here()
    {
        await using var site = await SiteWithReleasesAsync();
        var customerId = await CustomerWithLicensesAsync(
            site,
            Email,
            License(Email, Store.SiteBuilder, "2026-02-28"),
            License(Email, Store.SiteBuilder, "2026-05-31"),
            License(Email, Store.SiteBuilder, status: "Revoked"),
            License(Email, "backup-guard"));

        Assert.Equal(["1.0.0", "1.1.0"], await DownloadableAsync(site, customerId, Store.SiteBuilder));
        Assert.Equal(["2.1.0"], await DownloadableAsync(site, customerId, "backup-guard"));
        var entitlements = await EntitlementsAsync(site, customerId);
        Assert.Equal([new DateOnly(2026, 5, 31), null], entitlements.Select(e => e.Window.Until));
        Assert.NotNull(entitlements[0].ExpiredLicenseId);
        Assert.Null(entitlements[1].ExpiredLicenseId);
    }

    [Fact]
    public async Task Another_customer_s_license_entitles_nobody_else()
    {
        await using var site = await SiteWithReleasesAsync();
        await CustomerWithLicensesAsync(site, Email, License(Email, Store.SiteBuilder));
        var otherId = await CustomerWithLicensesAsync(site, "other@example.com");

        Assert.Empty(await DownloadableAsync(site, otherId, Store.SiteBuilder));
        Assert.Empty(await EntitlementsAsync(site, otherId));
    }

    [Fact]
    public async Task A_paid_plan_without_a_license_entitles_to_every_release_for_good_until_its_order_is_refunded()
    {
        await using var site = StartSite();
        await AddUnlicensedProductAsync(site);
        await PublishAsync(site, IconPack, "1.0.0", new DateOnly(2026, 2, 1));
        var (_, number) = await BuyAsync(site, Email, IconPack, IconPackPlan);
        var customerId = await CustomerIdAsync(site, Email);
        await PublishAsync(site, IconPack, "2.0.0", new DateOnly(2030, 1, 1));

        Assert.Equal(["1.0.0", "2.0.0"], await DownloadableAsync(site, customerId, IconPack));
        Assert.True(Assert.Single(await EntitlementsAsync(site, customerId)).Window.IsEvery);

        await RefundAsync(site, number);

        Assert.Empty(await DownloadableAsync(site, customerId, IconPack));
        Assert.Empty(await EntitlementsAsync(site, customerId));
    }

    [Fact]
    public async Task A_licensed_purchase_entitles_through_its_key_and_a_refund_revokes_it()
    {
        await using var site = await SiteWithReleasesAsync();
        var (_, number) = await BuyAsync(site, Email, Store.SiteBuilder, Store.SingleSite);
        var customerId = await CustomerIdAsync(site, Email);

        Assert.Equal(["1.0.0", "1.1.0", "2.0.0"], await DownloadableAsync(site, customerId, Store.SiteBuilder));

        await RefundAsync(site, number);

        Assert.Empty(await DownloadableAsync(site, customerId, Store.SiteBuilder));
        Assert.Empty(await EntitlementsAsync(site, customerId));
    }

    [Fact]
    public async Task An_unpaid_order_entitles_to_nothing()
    {
        await using var site = StartSite();
        await AddUnlicensedProductAsync(site);
        await PublishAsync(site, IconPack, "1.0.0", new DateOnly(2026, 2, 1));
        var client = await site.RegisterCustomerAsync(Email);
        (await client.AddToCartAsync(IconPack, IconPackPlan)).Dispose();
        (await client.CheckoutAsync(simulateDecline: true)).Dispose();

        Assert.Empty(await EntitlementsAsync(site, await CustomerIdAsync(site, Email)));
    }

    /// <summary>The releases of the class summary, the clock left on 2026-07-01.</summary>
    internal static async Task<TestSite> SiteWithReleasesAsync()
    {
        var site = StartSite();
        await PublishAsync(site, Store.SiteBuilder, "1.1.0", new DateOnly(2026, 3, 1));
        await PublishAsync(site, Store.SiteBuilder, "2.0.0", new DateOnly(2026, 6, 1), notes: "Adds **themes**.");
        await PublishAsync(site, Store.SiteBuilder, "2.1.0", new DateOnly(2026, 6, 15), published: false);
        MoveTo(site, new DateOnly(2026, 7, 1));
        return site;
    }
}
