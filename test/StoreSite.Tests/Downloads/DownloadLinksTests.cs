using System.Net;
using System.Net.Http.Headers;
using CP.Downloads.Links;
using CP.Downloads.Models;
using CP.Downloads.Releases;
using CP.Licensing.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Downloads.DownloadsArrange;

namespace StoreSite.Tests.Downloads;

/// <summary>
/// Download links (<c>/downloads/{token}</c>): a customer with a Lifetime key for Site Builder Pro (2.0.0
/// published on 2026-03-01) takes a link from Account -> Downloads; anyone holding it downloads without a
/// session while the key entitles, never after. In the collection that runs alone: the 50 MB download
/// measures the whole process's allocations, which tests running beside it would add to.
/// </summary>
[Collection(StoreSite.Tests.Files.FileStoreMemoryCollection.Name)]
public sealed class DownloadLinksTests
{
    private const string Email = "links@example.com";

    [Fact]
    public async Task The_account_page_s_link_downloads_the_file_without_a_session_with_its_name_length_and_etag()
    {
        await using var site = StartSite();
        var release = await PublishAsync(site, Store.SiteBuilder, "2.0.0", new DateOnly(2026, 3, 1));
        await CustomerWithLicensesAsync(site, Email, License(Email, Store.SiteBuilder));
        var customer = await site.SignInAsync(Email, TestSite.CustomerPassword);
        var page = await customer.GetDocumentAsync("/account/downloads");
        var href = page.QuerySelector("section.product-downloads .latest-release a.download-link")!.GetAttribute("href")!;
        Assert.StartsWith("/downloads/", href, StringComparison.Ordinal);

        using var anonymous = site.CreateClient();
        using var response = await anonymous.GetAsync(href);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await StoredBytesAsync(site, release), bytes);
        Assert.Equal(release.Size, response.Content.Headers.ContentLength);
        Assert.Equal("\"" + release.Sha256 + "\"", response.Headers.ETag?.Tag);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("site-builder-pro-2.0.0.zip", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("bytes", string.Join(",", response.Headers.AcceptRanges));
    }

    [Fact]
    public async Task Range_answers_206_with_the_right_bytes_416_when_unsatisfiable_and_if_none_match_304()
    {
        await using var site = StartSite();
        var (release, href) = await LinkAsync(site);
        var stored = await StoredBytesAsync(site, release);
        using var client = site.CreateClient();

        using var partial = await SendAsync(client, href, r => r.Headers.Range = new RangeHeaderValue(100, 199));
        using var tail = await SendAsync(client, href, r => r.Headers.Range = new RangeHeaderValue(null, 10));
        using var beyond = await SendAsync(client, href, r => r.Headers.Range = new RangeHeaderValue(release.Size + 10, null));
        using var cached = await SendAsync(client, href, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"" + release.Sha256 + "\"")));
        using var staleIfRange = await SendAsync(client, href, r =>
        {
            r.Headers.Range = new RangeHeaderValue(0, 9);
            r.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"0000\""));
        });

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(stored[100..200], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 100-199/{release.Size}", partial.Content.Headers.ContentRange?.ToString());
        Assert.Equal(stored[^10..], await tail.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
        Assert.Equal($"bytes */{release.Size}", beyond.Content.Headers.ContentRange?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staleIfRange.StatusCode);
        Assert.Equal(stored, await staleIfRange.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_expired_link_answers_403_and_a_tampered_or_garbage_one_404()
    {
        await using var site = StartSite();
        var (_, href) = await LinkAsync(site);
        using var client = site.CreateClient();
        var token = href["/downloads/".Length..];
        var tampered = "/downloads/" + token[..^4] + (token[^4] == 'A' ? 'B' : 'A') + token[^3..];

        using var fine = await client.GetAsync(href);
        using var bad = await client.GetAsync(tampered);
        using var garbage = await client.GetAsync("/downloads/not-a-token");
        using var huge = await client.GetAsync("/downloads/" + new string('A', 5000));
        site.Clock.Advance(TimeSpan.FromHours(24));
        using var expired = await client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        Assert.Equal(DownloadMessages.NotValid, await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        Assert.True(huge.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.RequestUriTooLong, huge.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal(DownloadMessages.Expired, await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_s_link_works_while_the_key_entitles_and_stops_at_once_when_it_is_suspended_or_revoked()
    {
        await using var site = StartSite();
        var (_, href) = await LinkAsync(site);
        var licenseId = (await EntitlementsAsync(site, await CustomerIdAsync(site, Email))).Single().LicenseId!.Value;
        var stranger = await site.RegisterCustomerAsync("stranger@example.com");

        using var works = await stranger.GetAsync(href);
        await site.InScopeAsync(sp => sp.GetRequiredService<LicenseSuspensions>().SuspendAsync(licenseId, "Disputed", "test", CancellationToken.None));
        using var suspended = await stranger.GetAsync(href);
        await site.InScopeAsync(sp => sp.GetRequiredService<LicenseSuspensions>().ReinstateAsync(licenseId, "test", CancellationToken.None));
        using var reinstated = await stranger.GetAsync(href);
        await site.InScopeAsync(sp => sp.GetRequiredService<LicenseRevoker>().RevokeAsync(licenseId, "Refunded", "test", CancellationToken.None));
        using var revoked = await stranger.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, suspended.StatusCode);
        Assert.Contains("suspended", await suspended.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reinstated.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
        Assert.Contains("revoked", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_key_s_link_serves_releases_up_to_its_expiry_only()
    {
        await using var site = StartSite();
        var old = await PublishAsync(site, Store.SiteBuilder, "1.5.0", new DateOnly(2026, 1, 20));
        var newer = await PublishAsync(site, Store.SiteBuilder, "2.0.0", new DateOnly(2026, 3, 1));
        await CustomerWithLicensesAsync(site, Email, License(Email, Store.SiteBuilder, "2026-02-01"));
        var licenseId = (await EntitlementsAsync(site, await CustomerIdAsync(site, Email))).Single().LicenseId!.Value;
        var links = site.Services.GetRequiredService<DownloadLinks>();
        using var client = site.CreateClient();

        using var covered = await client.GetAsync("/downloads/" + links.TokenForLicense(old.Id, licenseId));
        using var notCovered = await client.GetAsync("/downloads/" + links.TokenForLicense(newer.Id, licenseId));

        Assert.Equal(HttpStatusCode.OK, covered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notCovered.StatusCode);
    }

    [Fact]
    public async Task A_50_MB_file_downloads_with_flat_server_memory()
    {
        await using var site = StartSite();
        const int size = 50 * 1024 * 1024;
        var productId = await ReleasePages.ProductIdAsync(site, Store.SiteBuilder);
        var outcome = await site.InScopeAsync(sp => sp.GetRequiredService<ReleaseUploads>()
            .CreateAsync(new ReleaseUpload(productId, "9.0.0", "", true, "big.zip", new MemoryStream(new byte[size])), CancellationToken.None));
        Assert.True(outcome.Succeeded, outcome.Problem);
        await CustomerWithLicensesAsync(site, Email, License(Email, Store.SiteBuilder));
        var licenseId = (await EntitlementsAsync(site, await CustomerIdAsync(site, Email))).Single().LicenseId!.Value;
        var href = "/downloads/" + site.Services.GetRequiredService<DownloadLinks>().TokenForLicense(outcome.Value!.Id, licenseId);
        using var client = site.CreateClient();
        var buffer = new byte[81920];
        GC.Collect();

        var before = GC.GetTotalAllocatedBytes(true);
        long read = 0;
        using (var response = await client.GetAsync(href, HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var body = await response.Content.ReadAsStreamAsync();
            int n;
            while ((n = await body.ReadAsync(buffer)) > 0)
            {
                read += n;
            }
        }

        var allocated = GC.GetTotalAllocatedBytes(true) - before;
        Assert.Equal(size, read);
        Assert.True(allocated < size / 4, $"{allocated:N0} bytes allocated while downloading {size:N0}");
    }

    [Theory]
    [InlineData("bytes=abc")]
    [InlineData("bytes=-")]
    [InlineData("bytes=10-5")]
    [InlineData("bytes=0-1,5-9")]
    [InlineData("items=0-10")]
    [InlineData("bytes=99999999999999999999999-")]
    [InlineData("bytes=-0")]
    public async Task A_hostile_range_header_gets_no_5xx_and_never_more_than_the_file(string range)
    {
        await using var site = StartSite();
        var (release, href) = await LinkAsync(site);
        using var client = site.CreateClient();

        using var response = await SendAsync(client, href, r => r.Headers.TryAddWithoutValidation("Range", range));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.True((int)response.StatusCode is 200 or 206 or 416, $"{range}: {(int)response.StatusCode}");
        Assert.True(body.Length <= release.Size, range);
    }

    private static Task<(Release Release, string Href)> LinkAsync(TestSite site) => AccountLinkAsync(site, Email);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string href, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, href);
        configure(request);
        return await client.SendAsync(request);
    }

    private static async Task<byte[]> StoredBytesAsync(TestSite site, Release release) =>
        (await ReleasePages.StoredAsync(site, release.StoredName))!;
}
