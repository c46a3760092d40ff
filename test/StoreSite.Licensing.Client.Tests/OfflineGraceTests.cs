using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StoreSite.Licensing.Client.Tests.Fakes;

namespace StoreSite.Licensing.Client.Tests;

public sealed class OfflineGraceTests
{
    [Fact]
    public async Task While_the_store_is_unreachable_the_last_valid_answer_is_served_within_the_grace_period()
    {
        using var harness = new ClientHarness();
        var live = await harness.VerifyAsync();
        harness.GoOffline();
        harness.Time.Advance(TimeSpan.FromDays(6));

        var check = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Valid, check.Status);
        Assert.True(check.FromCache);
        Assert.Equal(LicenseStatus.Unreachable, check.OfflineCause);
        Assert.Equal(live.CheckedAt, check.CheckedAt);
        Assert.Equal(new Activations(1, 3), check.Activations);
        Assert.Equal("Acme SEO", check.Product);
    }

    [Fact]
    public async Task After_the_grace_period_the_cached_answer_is_not_served()
    {
        using var harness = new ClientHarness();
        await harness.VerifyAsync();
        harness.GoOffline();
        harness.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        var check = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Unreachable, check.Status);
        Assert.False(check.FromCache);
    }

    [Fact]
    public async Task The_grace_period_is_configurable_and_counts_from_the_answer_s_checked_at()
    {
        using var harness = new ClientHarness(gracePeriod: TimeSpan.FromDays(1));
        await harness.VerifyAsync();
        harness.Time.Advance(TimeSpan.FromHours(20));
        harness.GoOffline();

        Assert.True((await harness.VerifyAsync()).FromCache);
        harness.Time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(LicenseStatus.Unreachable, (await harness.VerifyAsync()).Status);
    }

    [Fact]
    public async Task A_newer_valid_answer_restarts_the_grace_period()
    {
        using var harness = new ClientHarness();
        await harness.VerifyAsync();
        harness.Time.Advance(TimeSpan.FromDays(5));
        await harness.VerifyAsync();
        harness.GoOffline();
        harness.Time.Advance(TimeSpan.FromDays(5));

        var check = await harness.VerifyAsync();

        Assert.True(check.FromCache);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero), check.CheckedAt);
    }

    [Fact]
    public async Task A_timeout_counts_as_unreachable_and_serves_the_cache()
    {
        using var harness = new ClientHarness();
        await harness.VerifyAsync();
        harness.Store.Hangs = true;

        var check = await harness.VerifyAsync();

        Assert.True(check.IsValid);
        Assert.True(check.FromCache);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Server_errors_and_too_many_requests_serve_the_cache(HttpStatusCode status)
    {
        using var harness = new ClientHarness();
        await harness.VerifyAsync();
        harness.Store.PlainStatus = status;

        var check = await harness.VerifyAsync();

        Assert.True(check.IsValid);
        Assert.True(check.FromCache);
    }

    [Fact]
    public async Task An_untrusted_answer_serves_the_cache_and_says_why()
    {
        using var harness = new ClientHarness();
        await harness.VerifyAsync();
        harness.Store.Answer = FakeAnswer.Refusal(HttpStatusCode.Forbidden, "revoked", "License has been revoked.");
        harness.Store.Tampering = Tampering.NoSignatureHeader;

        var check = await harness.VerifyAsync();

        Assert.True(check.IsValid);
        Assert.True(check.FromCache);
        Assert.Equal(LicenseStatus.Untrusted, check.OfflineCause);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "revoked")]
    [InlineData(HttpStatusCode.NotFound, "not_found")]
    [InlineData(HttpStatusCode.Forbidden, "max_activations")]
    public async Task After_the_store_answered_not_valid_the_cache_is_never_served(HttpStatusCode status, string code)
    {
        using var harness = new ClientHarness();
        await harness.VerifyAsync();
        harness.Store.Answer = FakeAnswer.Refusal(status, code, "Not valid.");
        Assert.Equal(LicenseStatus.Invalid, (await harness.VerifyAsync()).Status);
        harness.GoOffline();

        var check = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Unreachable, check.Status);
        Assert.False(check.FromCache);
        Assert.False(File.Exists(harness.CacheFile));
    }

    [Fact]
    public async Task A_cache_file_with_an_altered_body_is_rejected()
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Valid(expiry: "2026-12-05");
        await harness.VerifyAsync();
        harness.GoOffline();
        var file = JsonNode.Parse(File.ReadAllText(harness.CacheFile))!;
        var body = Encoding.UTF8.GetString(Convert.FromBase64String(file["body"]!.GetValue<string>()));
        file["body"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(body.Replace("2026-12-05", "2099-12-31", StringComparison.Ordinal)));
        File.WriteAllText(harness.CacheFile, file.ToJsonString());

        var check = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Unreachable, check.Status);
        Assert.False(check.FromCache);
    }

    [Fact]
    public async Task A_cache_file_with_another_signature_is_rejected()
    {
        using var harness = new ClientHarness();
        await harness.VerifyAsync();
        harness.GoOffline();
        var file = JsonNode.Parse(File.ReadAllText(harness.CacheFile))!;
        var signature = Convert.FromBase64String(file["signature"]!.GetValue<string>());
        signature[10] ^= 0x01;
        file["signature"] = Convert.ToBase64String(signature);
        File.WriteAllText(harness.CacheFile, file.ToJsonString());

        Assert.Equal(LicenseStatus.Unreachable, (await harness.VerifyAsync()).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"body\": 5}")]
    [InlineData("{\"body\": \"%%%\", \"signature\": \"AA==\"}")]
    public async Task A_cache_file_that_cannot_be_read_is_no_answer(string content)
    {
        using var harness = new ClientHarness();
        await harness.VerifyAsync();
        harness.GoOffline();
        File.WriteAllText(harness.CacheFile, content);

        Assert.Equal(LicenseStatus.Unreachable, (await harness.VerifyAsync()).Status);
    }

    [Fact]
    public async Task A_cached_answer_for_another_key_or_domain_is_not_served()
    {
        using var harness = new ClientHarness();
        await harness.VerifyAsync();
        harness.GoOffline();

        Assert.Equal(LicenseStatus.Unreachable, (await harness.VerifyAsync(key: "CP-AAAAAA-BBBBBB-CCCCCC-DDDDDD-EEEEEE")).Status);
        Assert.Equal(LicenseStatus.Unreachable, (await harness.VerifyAsync(domain: "other.example.org")).Status);
        Assert.True((await harness.VerifyAsync(key: ClientHarness.Key.ToLowerInvariant())).FromCache);
    }

    [Fact]
    public async Task A_cached_answer_copied_from_another_installation_is_not_served()
    {
        using var first = new ClientHarness();
        await first.VerifyAsync(domain: "first.example.com");
        using var second = new ClientHarness(embeddedKey: first.Store.PublicKey);
        Directory.CreateDirectory(Path.GetDirectoryName(second.CacheFile)!);
        File.Copy(first.CacheFile, second.CacheFile);
        second.GoOffline();

        Assert.Equal(LicenseStatus.Unreachable, (await second.VerifyAsync(domain: "second.example.com")).Status);
        Assert.True((await second.VerifyAsync(domain: "first.example.com")).FromCache);
    }

    [Fact]
    public async Task A_cached_answer_is_not_served_after_the_license_s_expiry()
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Valid(expiry: "2026-12-04");
        await harness.VerifyAsync();
        harness.GoOffline();
        harness.Time.Advance(TimeSpan.FromDays(2));
        Assert.True((await harness.VerifyAsync()).FromCache);

        harness.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(LicenseStatus.Unreachable, (await harness.VerifyAsync()).Status);
    }

    [Fact]
    public async Task A_cached_answer_from_the_future_is_not_served()
    {
        using var later = new ClientHarness();
        later.Time.Advance(TimeSpan.FromDays(3));
        await later.VerifyAsync();
        using var harness = new ClientHarness(embeddedKey: later.Store.PublicKey);
        Directory.CreateDirectory(Path.GetDirectoryName(harness.CacheFile)!);
        File.Copy(later.CacheFile, harness.CacheFile);
        harness.GoOffline();

        Assert.Equal(LicenseStatus.Unreachable, (await harness.VerifyAsync()).Status);
        harness.Time.Advance(TimeSpan.FromDays(3));
        Assert.True((await harness.VerifyAsync()).FromCache);
    }

    [Fact]
    public async Task Without_a_cache_an_unreachable_store_is_unreachable()
    {
        using var harness = new ClientHarness(withCache: false);
        await harness.VerifyAsync();
        harness.GoOffline();

        Assert.Equal(LicenseStatus.Unreachable, (await harness.VerifyAsync()).Status);
    }

    [Fact]
    public async Task The_cache_file_keeps_the_exact_signed_body()
    {
        using var harness = new ClientHarness();
        await harness.VerifyAsync();

        using var file = JsonDocument.Parse(File.ReadAllText(harness.CacheFile));
        var body = JsonDocument.Parse(file.RootElement.GetProperty("body").GetBytesFromBase64()).RootElement;

        Assert.Equal(harness.Store.Calls[0].Nonce, body.GetProperty("nonce").GetString());
        Assert.Equal(64, file.RootElement.GetProperty("signature").GetBytesFromBase64().Length);
    }
}
