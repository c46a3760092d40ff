using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using StoreSite.Users;
using static StoreSite.Tests.Downloads.DownloadsArrange;
using static StoreSite.Tests.Downloads.UpdateCheckArrange;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Downloads;

/// <summary>
/// The update check (<c>POST /api/v1/licenses/updates</c>, docs/verify-api.md "Update check"): Verify's
/// checks and counting, then the newest entitled published release above the caller's version. The store
/// recipe publishes Site Builder Pro 1.0.0 on <see cref="DownloadsArrange.Start"/>; the tests publish more
/// as the clock moves on.
/// </summary>
public sealed class UpdateCheckApiTests
{
    private const string Email = "updates@example.com";

    [Fact]
    public async Task A_newer_entitled_release_is_offered_with_verify_s_fields_and_a_link_that_downloads_it()
    {
        await using var site = StartSite();
        await PublishAsync(site, Store.SiteBuilder, "1.1.0", new DateOnly(2026, 2, 1));
        var newest = await PublishAsync(site, Store.SiteBuilder, "2.0.0", new DateOnly(2026, 3, 1), notes: "## 2.0.0\n- Faster pages");
        var key = await KeyAsync(site);

        using var response = await CheckAsync(site.CreateClient(), key, "1.0.0");

        var body = await AssertValidAsync(response);
        Assert.Equal(Store.SiteBuilder, body.GetProperty("product").GetString()); // the name the Licenses step gave the key
        Assert.True(body.GetProperty("lifetime").GetBoolean());
        Assert.Equal(1, body.GetProperty("activations").GetProperty("used").GetInt32());
        var update = body.GetProperty("update");
        Assert.Equal("2.0.0", update.GetProperty("version").GetString());
        Assert.Equal("2026-03-01T12:00:00Z", update.GetProperty("released_at").GetString());
        Assert.Equal("## 2.0.0\n- Faster pages", update.GetProperty("notes").GetString());
        Assert.Equal(newest.Size, update.GetProperty("size").GetInt64());
        Assert.Equal(newest.Sha256, update.GetProperty("sha256").GetString());
        var link = new Uri(update.GetProperty("download_url").GetString()!);
        Assert.True(link.IsAbsoluteUri);
        Assert.StartsWith("/downloads/", link.AbsolutePath, StringComparison.Ordinal);

        using var anonymous = site.CreateClient();
        using var download = await anonymous.GetAsync(link.PathAndQuery);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(newest.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal("site-builder-pro-2.0.0.zip", download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Up_to_date_or_ahead_answers_a_null_update()
    {
        await using var site = StartSite();
        await PublishAsync(site, Store.SiteBuilder, "1.1.0", new DateOnly(2026, 2, 1));
        var key = await KeyAsync(site);
        var client = site.CreateClient();

        foreach (var running in new[] { "1.1.0", "1.1.0+build.7", "1.2.0-alpha", "3.0.0" })
        {
            using var response = await CheckAsync(client, key, running);
            var body = await AssertValidAsync(response);
            Assert.Equal(JsonValueKind.Null, body.GetProperty("update").ValueKind);
        }
    }

    [Fact]
    public async Task Unpublished_releases_and_other_products_releases_are_never_offered()
    {
        await using var site = StartSite();
        await PublishAsync(site, Store.SiteBuilder, "1.1.0", new DateOnly(2026, 2, 1));
        await PublishAsync(site, Store.SiteBuilder, "1.2.0", new DateOnly(2026, 2, 2), published: false);
        await PublishAsync(site, "backup-guard", "9.0.0", new DateOnly(2026, 2, 3));
        var key = await KeyAsync(site);

        using var response = await CheckAsync(site.CreateClient(), key, "1.0.0");

        Assert.Equal("1.1.0", (await AssertValidAsync(response)).GetProperty("update").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Pre_releases_order_by_SemVer_precedence()
    {
        await using var site = StartSite();
        var key = await KeyAsync(site);
        var client = site.CreateClient();
        await PublishAsync(site, Store.SiteBuilder, "1.1.0-beta.2", new DateOnly(2026, 2, 1));
        await PublishAsync(site, Store.SiteBuilder, "1.1.0-beta.10", new DateOnly(2026, 2, 2));
        await PublishAsync(site, Store.SiteBuilder, "1.0.10", new DateOnly(2026, 2, 3));

        // Numeric identifiers compare as numbers (beta.10 above beta.2), a pre-release sits above every lower release.
        Assert.Equal("1.1.0-beta.10", await OfferedAsync(client, key, "1.0.0"));
        Assert.Equal("1.1.0-beta.10", await OfferedAsync(client, key, "1.1.0-beta.2"));
        Assert.Null(await OfferedAsync(client, key, "1.1.0-beta.10"));

        await PublishAsync(site, Store.SiteBuilder, "1.1.0-rc.1", new DateOnly(2026, 2, 4));
        Assert.Equal("1.1.0-rc.1", await OfferedAsync(client, key, "1.1.0-beta.10"));

        // The release is above its pre-releases, and 1.10.0 above 1.9.0.
        await PublishAsync(site, Store.SiteBuilder, "1.1.0", new DateOnly(2026, 2, 5));
        Assert.Equal("1.1.0", await OfferedAsync(client, key, "1.1.0-rc.1"));
        await PublishAsync(site, Store.SiteBuilder, "1.9.0", new DateOnly(2026, 2, 6));
        await PublishAsync(site, Store.SiteBuilder, "1.10.0", new DateOnly(2026, 2, 7));
        Assert.Equal("1.10.0", await OfferedAsync(client, key, "1.1.0"));
        Assert.Null(await OfferedAsync(client, key, "1.10.0"));
    }

    [Fact]
    public async Task An_expired_key_entitled_only_to_older_releases_is_refused_as_Verify_refuses_it()
    {
        // Updates until expiry: the key stays entitled to 1.1.0 (published before its expiry) on Account ->
        // Downloads, but the API answers an expired key as Verify does (docs/verify-api.md).
        await using var site = StartSite();
        await PublishAsync(site, Store.SiteBuilder, "1.1.0", new DateOnly(2026, 2, 1));
        var key = await KeyAsync(site, expiry: "2026-02-15");
        await PublishAsync(site, Store.SiteBuilder, "2.0.0", new DateOnly(2026, 3, 1));
        var client = site.CreateClient();

        using var update = await CheckAsync(client, key, "1.0.0");
        using var verify = await VerifyAsync(client, key, "shop.example.com");

        var body = await AssertFailureAsync(update, 403, "License expired.", "expired");
        Assert.False(body.TryGetProperty("update", out _));
        await AssertFailureAsync(verify, 403, "License expired.", "expired");
    }

    [Fact]
    public async Task Keys_Verify_refuses_get_Verify_s_errors_and_no_update()
    {
        await using var site = StartSite();
        await PublishAsync(site, Store.SiteBuilder, "1.1.0", new DateOnly(2026, 2, 1));
        var active = await KeyAsync(site);
        var revoked = await KeyAsync(site, status: "Revoked");
        var suspended = await KeyAsync(site, status: "Suspended");
        var other = await KeyAsync(site, product: "backup-guard");
        var client = site.CreateClient();

        await AssertFailureAsync(await CheckAsync(client, "CP-NOT-A-KEY", "1.0.0"), 403, "Invalid license format.", "invalid_format");
        await AssertFailureAsync(await CheckAsync(client, SignedKey(), "1.0.0"), 404, "License not found.", "not_found");
        await AssertFailureAsync(await CheckAsync(client, other, "1.0.0"), 403, "License is for another product.", "product_mismatch");
        await AssertFailureAsync(await CheckAsync(client, active, "1.0.0", product: "no-such-product"), 403, "License is for another product.", "product_mismatch");
        await AssertFailureAsync(await CheckAsync(client, revoked, "1.0.0"), 403, "License has been revoked.", "revoked");
        await AssertFailureAsync(await CheckAsync(client, suspended, "1.0.0"), 403, "License is suspended.", "suspended");

        // No refused call took a slot.
        foreach (var key in new[] { other, revoked, suspended })
        {
            Assert.Empty((await LoadAsync(site, key)).Activations);
        }
    }

    [Fact]
    public async Task A_missing_or_bad_version_or_product_answers_422_naming_the_field()
    {
        await using var site = StartSite();
        var key = await KeyAsync(site);
        var client = site.CreateClient();

        foreach (var version in new[] { null, string.Empty, "1.0", "v1.0.0", "01.0.0", "1.0.0-", " 1.0.0", "1.0.0\n", "\u0661.0.0", "1.0.0-" + new string('a', 100) })
        {
            var body = await AssertFailureAsync(await CheckAsync(client, key, version), 422, version is null or "" ? "version is required." : VersionInvalid, "validation_failed");
            Assert.Equal(["version"], body.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }

        var wrongType = await AssertFailureAsync(await PostUpdateAsync(client, Encoding.UTF8.GetBytes($"{{\"license_key\":\"{key}\",\"domain\":\"shop.example.com\",\"ip\":\"203.0.113.10\",\"product\":\"{Store.SiteBuilder}\",\"version\":100}}")), 422, "version must be a string.", "validation_failed");
        Assert.Single(wrongType.GetProperty("errors").GetProperty("version").EnumerateArray());
        var noProduct = await AssertFailureAsync(await CheckAsync(client, key, "1.0.0", product: null), 422, "product is required.", "validation_failed");
        Assert.Equal(["product"], noProduct.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Empty((await LoadAsync(site, key)).Activations);
    }

    [Fact]
    public async Task Verify_accepts_a_version_field_and_ignores_it()
    {
        await using var site = StartSite();
        var key = await KeyAsync(site);

        using var response = await PostAsync(site.CreateClient(), $"{{\"license_key\":\"{key}\",\"domain\":\"shop.example.com\",\"ip\":\"203.0.113.10\",\"version\":7}}");

        var body = await AssertValidAsync(response);
        Assert.False(body.TryGetProperty("update", out _));
    }

    [Fact]
    public async Task A_call_with_a_nonce_echoes_it_and_its_answer_is_signed_with_the_published_key()
    {
        await using var site = StartSite();
        await PublishAsync(site, Store.SiteBuilder, "1.1.0", new DateOnly(2026, 2, 1));
        var key = await KeyAsync(site);
        var client = site.CreateClient();
        var publicKey = await VerifyApiV2Tests.PublicKeyAsync(client);

        using var offered = await CheckAsync(client, key, "1.0.0", nonce: "n-0123456789abcdef");
        using var refused = await CheckAsync(client, key, "1.0", nonce: "n-second");
        using var unsigned = await CheckAsync(client, key, "1.0.0");

        var bytes = await offered.Content.ReadAsByteArrayAsync();
        using (var document = JsonDocument.Parse(bytes))
        {
            Assert.Equal("n-0123456789abcdef", document.RootElement.GetProperty("nonce").GetString());
            Assert.Equal("1.1.0", document.RootElement.GetProperty("update").GetProperty("version").GetString());
        }

        Assert.True(ResponseSigningKey.Verify(publicKey, bytes, Signature(offered)));
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("1.1.0", "9.9.9", StringComparison.Ordinal));
        Assert.False(ResponseSigningKey.Verify(publicKey, tampered, Signature(offered)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedBytes = await refused.Content.ReadAsByteArrayAsync();
        Assert.Contains("\"nonce\":\"n-second\"", Encoding.UTF8.GetString(refusedBytes), StringComparison.Ordinal);
        Assert.True(ResponseSigningKey.Verify(publicKey, refusedBytes, Signature(refused)));
        Assert.False(unsigned.Headers.Contains("X-License-Signature"));
    }

    [Fact]
    public async Task A_new_environment_is_counted_as_Verify_counts_it()
    {
        await using var site = StartSite();
        await PublishAsync(site, Store.SiteBuilder, "1.1.0", new DateOnly(2026, 2, 1));
        var key = await KeyAsync(site, max: 1);
        var client = site.CreateClient();

        var first = await AssertValidAsync(await CheckAsync(client, key, "1.0.0", domain: "one.example.com", from: "198.51.100.1"));
        var again = await AssertValidAsync(await CheckAsync(client, key, "1.0.0", domain: "one.example.com", from: "198.51.100.1"));
        var verified = await AssertValidAsync(await VerifyAsync(client, key, "one.example.com", from: "198.51.100.1"));
        await AssertFailureAsync(await CheckAsync(client, key, "1.0.0", domain: "two.example.com", from: "198.51.100.2"), 403, "Max activations exceeded.", "max_activations");

        Assert.Equal(1, first.GetProperty("activations").GetProperty("used").GetInt32());
        Assert.Equal(1, again.GetProperty("activations").GetProperty("used").GetInt32());
        Assert.Equal(1, verified.GetProperty("activations").GetProperty("used").GetInt32());
        var environment = Assert.Single((await LoadAsync(site, key)).Activations);
        Assert.Equal("one.example.com", environment.Domain);
        Assert.Equal("198.51.100.1", environment.Ip);
    }

    [Fact]
    public async Task The_update_check_draws_on_Verify_s_rate_limit_budget()
    {
        await using var site = StartSite(o => o.Settings["StoreSite:Licensing:Verify:PermitPerMinute"] = "2");
        var client = site.CreateClient();

        using var verify = await PostAsync(client, "{}", from: "192.0.2.1");
        using var update = await PostUpdateAsync(client, Encoding.UTF8.GetBytes("{}"), from: "192.0.2.1");
        using var refused = await PostUpdateAsync(client, Encoding.UTF8.GetBytes("{}"), from: "192.0.2.1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, verify.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, update.StatusCode);
        await AssertFailureAsync(refused, 429, "Too many requests.", "rate_limited");
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task With_the_Downloads_module_off_a_valid_key_gets_a_null_update()
    {
        await using var site = StartSite();
        await PublishAsync(site, Store.SiteBuilder, "1.1.0", new DateOnly(2026, 2, 1));
        var key = await KeyAsync(site);
        var admin = await site.AdminAsync();
        using (var off = await admin.SubmitFormAsync("/admin/modules", "form[action='/admin/modules/CP.Downloads/disable']", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        using var response = await CheckAsync(site.CreateClient(), key, "1.0.0");

        var body = await AssertValidAsync(response);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("update").ValueKind);
        Assert.Single((await LoadAsync(site, key)).Activations);
    }

    [Fact]
    public async Task A_link_the_update_check_gave_stops_working_once_the_key_is_revoked()
    {
        await using var site = StartSite();
        await PublishAsync(site, Store.SiteBuilder, "1.1.0", new DateOnly(2026, 2, 1));
        var key = await KeyAsync(site);
        var client = site.CreateClient();
        var link = new Uri((await AssertValidAsync(await CheckAsync(client, key, "1.0.0"))).GetProperty("update").GetProperty("download_url").GetString()!);

        var id = (await LoadAsync(site, key)).Id;
        await site.InScopeAsync(sp => sp.GetRequiredService<LicenseRevoker>().RevokeAsync(id, "Refunded by hand", TestSite.AdminEmail, CancellationToken.None));
        using var download = await client.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
    }

    private const string VersionInvalid = CP.Licensing.Api.VerifyContract.VersionInvalid;

    /// <summary>A key for <paramref name="product"/> imported by recipe (with the test signing secret).</summary>
    private static async Task<string> KeyAsync(TestSite site, string product = Store.SiteBuilder, string? expiry = null, string status = "Active", int max = 5)
    {
        var key = SignedKey();
        var license = License(Email, product, expiry, status);
        license["key"] = key;
        license["maxActivations"] = max;
        var customerExists = await site.InScopeAsync(async sp => await sp.GetRequiredService<IUserDirectory>().FindByEmailAsync(Email, CancellationToken.None) is not null);
        await RunRecipeAsync(site, customerExists ? [SettingsStep(), LicensesStep(license)] : [SettingsStep(), UsersStep(Email), LicensesStep(license)]);
        return key;
    }

    private static async Task<string?> OfferedAsync(HttpClient client, string key, string running)
    {
        using var response = await CheckAsync(client, key, running);
        var update = (await AssertValidAsync(response)).GetProperty("update");
        return update.ValueKind == JsonValueKind.Null ? null : update.GetProperty("version").GetString();
    }

    private static byte[] Signature(HttpResponseMessage response)
    {
        var header = Assert.Single(response.Headers.GetValues("X-License-Signature"));
        Assert.StartsWith("ed25519=", header, StringComparison.Ordinal);
        return Convert.FromBase64String(header["ed25519=".Length..]);
    }
}
