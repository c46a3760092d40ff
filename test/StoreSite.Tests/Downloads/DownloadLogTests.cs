using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CP.Downloads;
using CP.Downloads.Data;
using CP.Downloads.Links;
using CP.Downloads.Models;
using CP.Licensing.Data;
using CP.Licensing.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using StoreSite.Tests.LicensingPages;
using static StoreSite.Tests.Downloads.DownloadsArrange;

namespace StoreSite.Tests.Downloads;

/// <summary>
/// The download log: a customer with a key for Site Builder Pro downloads through a link; each served
/// download is one row (key, customer, the connection's address, time, whole or part), shown on the admin's
/// release pages and on the key's own page, never to another customer.
/// </summary>
public sealed class DownloadLogTests
{
    private const string Email = "log@example.com";

    private const string Connection = "203.0.113.9";

    [Fact]
    public async Task A_download_writes_one_row_with_its_key_customer_and_the_connection_s_address_never_a_forwarded_header()
    {
        await using var site = StartSite();
        var (release, href) = await LinkAsync(site);
        var customerId = await CustomerIdAsync(site, Email);
        var (licenseId, key) = await KeyAsync(site, customerId);
        using var client = site.CreateClient();

        using var response = await SendAsync(client, href, r => r.Headers.Add("X-Forwarded-For", "198.51.100.77"));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(release.Size, body.Length);
        var row = Assert.Single(await LogAsync(site));
        Assert.Equal(release.Id, row.ReleaseId);
        Assert.Equal(licenseId, row.LicenseId);
        Assert.Equal(customerId, row.CustomerId);
        Assert.Equal(Connection, row.Address);
        Assert.False(row.IsPartial);
        Assert.Equal(release.Size, row.Bytes);
        Assert.Equal(site.Clock.GetUtcNow(), row.At);
        Assert.NotNull(row.MaskedKey);
        Assert.NotEqual(key, row.MaskedKey);
        Assert.EndsWith(key[^6..], row.MaskedKey, StringComparison.Ordinal);
        Assert.DoesNotContain(key[..^7], row.MaskedKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_request_logs_a_part_with_its_bytes_and_a_304_a_head_and_a_416_log_nothing()
    {
        await using var site = StartSite();
        var (release, href) = await LinkAsync(site);
        using var client = site.CreateClient();

        using var partial = await SendAsync(client, href, r => r.Headers.Range = new RangeHeaderValue(100, 199));
        using var cached = await SendAsync(client, href, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"" + release.Sha256 + "\"")));
        using var head = await SendAsync(client, href, r => r.Method = HttpMethod.Head);
        using var beyond = await SendAsync(client, href, r => r.Headers.Range = new RangeHeaderValue(release.Size + 10, null));

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
        var row = Assert.Single(await LogAsync(site));
        Assert.True(row.IsPartial);
        Assert.Equal(100, row.Bytes);
    }

    [Fact]
    public async Task An_expired_a_tampered_and_a_revoked_key_s_link_log_nothing()
    {
        await using var site = StartSite();
        var (release, href) = await LinkAsync(site);
        var (licenseId, _) = await KeyAsync(site, await CustomerIdAsync(site, Email));
        using var client = site.CreateClient();
        var token = href["/downloads/".Length..];

        using var tampered = await client.GetAsync("/downloads/" + token[..^4] + (token[^4] == 'A' ? 'B' : 'A') + token[^3..]);
        site.Clock.Advance(TimeSpan.FromHours(24));
        using var expired = await client.GetAsync(href);
        await site.InScopeAsync(sp => sp.GetRequiredService<LicenseRevoker>().RevokeAsync(licenseId, "Refunded", "test", CancellationToken.None));
        using var revoked = await client.GetAsync("/downloads/" + site.Services.GetRequiredService<DownloadLinks>().TokenForLicense(release.Id, licenseId));

        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
        Assert.Empty(await LogAsync(site));
    }

    [Fact]
    public async Task The_admin_release_page_counts_the_downloads_and_lists_them_paged_newest_first()
    {
        await using var site = StartSite();
        var (release, href) = await LinkAsync(site);
        await LicensingArrange.RunRecipeAsync(site, new JsonObject { ["name"] = "Settings", ["PageSize"] = 5 });
        var (_, key) = await KeyAsync(site, await CustomerIdAsync(site, Email));
        using var client = site.CreateClient();
        for (var i = 1; i <= 7; i++)
        {
            (await SendAsync(client, href, r => { }, "203.0.113." + i)).Dispose();
        }

        var admin = await site.AdminAsync();
        var list = await admin.GetDocumentAsync(ReleasePages.Url(release.ProductId));
        var row = list.QuerySelector($"tr[data-release-id='{release.Id}']")!;
        var count = row.QuerySelector("td.release-downloads a")!;
        Assert.StartsWith("7 downloads", count.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("downloaded 7 times", row.QuerySelector("form[data-confirm]")!.GetAttribute("data-confirm"), StringComparison.Ordinal);

        var first = await admin.GetDocumentAsync(count.GetAttribute("href")!);
        var second = await admin.GetDocumentAsync(count.GetAttribute("href") + "?page=2");
        var firstRows = LicensePages.Rows(first, "table.release-downloads");
        Assert.Equal(["203.0.113.7", "203.0.113.6", "203.0.113.5", "203.0.113.4", "203.0.113.3"], firstRows.Select(r => r["Address"]));
        Assert.All(firstRows, r => Assert.Equal(Email, r["Customer"]));
        Assert.All(firstRows, r => Assert.EndsWith(key[^6..], r["Key"], StringComparison.Ordinal));
        Assert.DoesNotContain(key, first.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["203.0.113.2", "203.0.113.1"], LicensePages.Rows(second, "table.release-downloads").Select(r => r["Address"]));
        Assert.NotNull(first.QuerySelector("nav.pager a[rel='next']"));

        var customer = await site.SignInAsync(Email, TestSite.CustomerPassword);
        using var refused = await customer.GetAsync(count.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_key_page_lists_the_releases_its_key_entitles_to_with_working_links_and_its_downloads()
    {
        await using var site = StartSite();
        var old = await PublishAsync(site, Store.SiteBuilder, "1.5.0", new DateOnly(2026, 1, 20));
        await PublishAsync(site, Store.SiteBuilder, "2.0.0", new DateOnly(2026, 3, 1));
        var customerId = await CustomerWithLicensesAsync(site, Email, License(Email, Store.SiteBuilder, "2026-02-01"));
        var (licenseId, _) = await KeyAsync(site, customerId);
        var customer = await site.SignInAsync(Email, TestSite.CustomerPassword);

        var page = await customer.GetDocumentAsync($"/account/licenses/{licenseId}");
        var section = page.QuerySelector("section#downloads")!;
        Assert.Contains("up to version 1.5.0", section.QuerySelector(".updates-ended")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2.0.0", section.QuerySelector(".newer-release")!.TextContent, StringComparison.Ordinal);
        // The releases published on or before the expiry (the store recipe's sample release and 1.5.0), each with a link; 2.0.0 without one.
        var entitled = (await ReleasePages.ReleasesAsync(site, old.ProductId)).Where(r => r.PublishedAt <= new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)).Select(r => r.Version).Order(StringComparer.Ordinal);
        Assert.Equal(entitled, section.QuerySelectorAll(".release-version").Select(v => v.TextContent.Trim()).Order(StringComparer.Ordinal));
        Assert.Equal(entitled.Count(), section.QuerySelectorAll("a.download-link").Length);
        Assert.Equal("1.5.0", section.QuerySelector(".latest-release .release-version")!.TextContent.Trim());
        var link = section.QuerySelector(".latest-release a.download-link")!.GetAttribute("href")!;
        if (section.QuerySelector("a.renew-link") is { } renew)
        {
            Assert.NotNull(page.QuerySelector(renew.GetAttribute("href")!));
        }

        Assert.Contains("Nothing has been downloaded", section.QuerySelector(".download-count")!.TextContent, StringComparison.Ordinal);
        using var anonymous = site.CreateClient();
        using var download = await SendAsync(anonymous, link, r => { });
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(old.Size, (await download.Content.ReadAsByteArrayAsync()).Length);

        var after = await customer.GetDocumentAsync($"/account/licenses/{licenseId}");
        var rows = LicensePages.Rows(after, "table.key-downloads");
        var row = Assert.Single(rows);
        Assert.Equal("1.5.0", row["Version"]);
        Assert.Equal(Connection, row["Address"]);
        Assert.Equal("Whole file", row["What"]);
        Assert.StartsWith("1 download", after.QuerySelector("section#downloads .download-count")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_s_page_shows_no_download_link()
    {
        await using var site = StartSite();
        await PublishAsync(site, Store.SiteBuilder, "2.0.0", new DateOnly(2026, 3, 1));
        var (licenseId, _) = await KeyAsync(site, await CustomerWithLicensesAsync(site, Email, License(Email, Store.SiteBuilder)));
        var customer = await site.SignInAsync(Email, TestSite.CustomerPassword);
        var before = await customer.GetDocumentAsync($"/account/licenses/{licenseId}");
        Assert.Equal(await PublishedCountAsync(site), before.QuerySelectorAll("section#downloads a.download-link").Length);

        await site.InScopeAsync(sp => sp.GetRequiredService<LicenseRevoker>().RevokeAsync(licenseId, "Refunded", "test", CancellationToken.None));
        var page = await customer.GetDocumentAsync($"/account/licenses/{licenseId}");

        var section = page.QuerySelector("section#downloads")!;
        Assert.Empty(section.QuerySelectorAll("a.download-link"));
        Assert.Contains("revoked", section.QuerySelector(".downloads-none")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_customer_sees_no_download_of_the_key_not_even_once_it_is_transferred_to_them()
    {
        await using var site = StartSite();
        var (_, href) = await LinkAsync(site);
        var (licenseId, _) = await KeyAsync(site, await CustomerIdAsync(site, Email));
        using var client = site.CreateClient();
        (await SendAsync(client, href, r => { })).Dispose();
        var stranger = await site.RegisterCustomerAsync("stranger@example.com");

        using var others = await stranger.GetAsync($"/account/licenses/{licenseId}");
        var theirDownloads = await stranger.GetDocumentAsync("/account/downloads");
        var transfer = await site.InScopeAsync(sp => sp.GetRequiredService<LicenseTransfers>().TransferAsync(licenseId, "stranger@example.com", "test", CancellationToken.None));
        Assert.True(transfer.Succeeded, transfer.Problem);
        var transferred = await stranger.GetDocumentAsync($"/account/licenses/{licenseId}");

        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.DoesNotContain(Connection, theirDownloads.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(transferred.QuerySelectorAll("section#downloads table.key-downloads tr[data-download-id]"));
        Assert.Contains("Nothing has been downloaded", transferred.QuerySelector("section#downloads .download-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(await PublishedCountAsync(site), transferred.QuerySelectorAll("section#downloads a.download-link").Length);
    }

    [Fact]
    public void A_download_rate_limit_below_one_fails_the_start_naming_the_setting()
    {
        var failure = Record.Exception(() => TestSite.Start(o =>
        {
            o.Recipe = null;
            o.Settings[DownloadsOptions.PermitPerMinuteSetting] = "0";
        }));

        Assert.NotNull(failure);
        Assert.Contains("StoreSite:Downloads:PermitPerMinute", failure.ToString(), StringComparison.Ordinal);
    }

    private static Task<(Release Release, string Href)> LinkAsync(TestSite site) => AccountLinkAsync(site, Email);

    private static Task<(int Id, string Key)> KeyAsync(TestSite site, string customerId) =>
        site.InScopeAsync(async sp =>
        {
            var license = await sp.GetRequiredService<LicensingDbContext>().Licenses.AsNoTracking().SingleAsync(l => l.CustomerId == customerId);
            return (license.Id, license.Key);
        });

    private static async Task<int> PublishedCountAsync(TestSite site) =>
        (await ReleasePages.ReleasesAsync(site, await ReleasePages.ProductIdAsync(site, Store.SiteBuilder))).Count(r => r.IsPublished);

    private static Task<List<Download>> LogAsync(TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<DownloadsDbContext>().Downloads.AsNoTracking().OrderBy(d => d.Id).ToListAsync());

    /// <summary>A request from <paramref name="from"/> as the connection's address (the test server has no socket).</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string href, Action<HttpRequestMessage> configure, string from = Connection)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, href);
        request.Headers.Add(TestRemoteAddressStartupFilter.Header, from);
        configure(request);
        return await client.SendAsync(request);
    }
}
