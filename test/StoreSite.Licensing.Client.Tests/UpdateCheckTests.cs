using System.Net;
using StoreSite.Licensing.Client.Tests.Fakes;

namespace StoreSite.Licensing.Client.Tests;

public sealed class UpdateCheckTests
{
    private const string Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static Dictionary<string, object?> Release(string downloadUrl) => new()
    {
        ["version"] = "1.5.0",
        ["released_at"] = "2026-11-30T09:15:00Z",
        ["notes"] = "## 1.5.0\n- Faster sitemaps",
        ["download_url"] = downloadUrl,
        ["size"] = 1_048_576L,
        ["sha256"] = Sha256,
    };

    [Fact]
    public async Task An_offered_update_is_read_with_every_field()
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Valid().With("update", Release("https://store.example.net/downloads/abc123"));

        var result = await harness.Client.CheckForUpdateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip, "1.4.2");

        Assert.Equal(LicenseStatus.Valid, result.Status);
        Assert.Equal(new Activations(1, 3), result.License.Activations);
        var update = Assert.IsType<AvailableUpdate>(result.Update);
        Assert.Equal("1.5.0", update.Version);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero), update.ReleasedAt);
        Assert.Equal("## 1.5.0\n- Faster sitemaps", update.Notes);
        Assert.Equal(new Uri("https://store.example.net/downloads/abc123"), update.DownloadUrl);
        Assert.Equal(1_048_576L, update.Size);
        Assert.Equal(Sha256, update.Sha256);
    }

    [Fact]
    public async Task A_relative_download_link_is_resolved_against_the_store()
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Valid().With("update", Release("/downloads/abc123"));

        var result = await harness.Client.CheckForUpdateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip, "1.4.2");

        Assert.Equal(new Uri("https://store.example.net/downloads/abc123"), result.Update!.DownloadUrl);
    }

    [Fact]
    public async Task No_update_is_a_valid_license_and_a_null_update()
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Valid().With("update", null);

        var result = await harness.Client.CheckForUpdateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip, "1.5.0");

        Assert.True(result.License.IsValid);
        Assert.Null(result.Update);
    }

    [Fact]
    public async Task A_refused_update_check_is_invalid_without_an_update()
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Refusal(HttpStatusCode.Forbidden, LicenseCodes.Expired, "License expired.");

        var result = await harness.Client.CheckForUpdateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip, "1.4.2");

        Assert.Equal(LicenseStatus.Invalid, result.Status);
        Assert.Equal(LicenseCodes.Expired, result.License.Code);
        Assert.Null(result.Update);
    }

    [Fact]
    public async Task An_update_answer_with_the_update_altered_is_untrusted()
    {
        using var harness = new ClientHarness(withCache: false);
        harness.Store.Answer = FakeAnswer.Valid().With("update", Release("https://store.example.net/downloads/abc123"));
        harness.Store.Tampering = Tampering.BodyAlteredAfterSigning;

        var result = await harness.Client.CheckForUpdateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip, "1.4.2");

        Assert.Equal(LicenseStatus.Untrusted, result.Status);
        Assert.Null(result.Update);
    }

    [Fact]
    public async Task An_update_of_another_shape_is_untrusted()
    {
        using var harness = new ClientHarness(withCache: false);
        harness.Store.Answer = FakeAnswer.Valid().With("update", new Dictionary<string, object?> { ["version"] = "1.5.0", ["download_url"] = "ftp://elsewhere/x", ["size"] = 1, ["sha256"] = Sha256 });

        var result = await harness.Client.CheckForUpdateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip, "1.4.2");

        Assert.Equal(LicenseStatus.Untrusted, result.Status);
    }

    [Fact]
    public async Task While_the_store_is_unreachable_the_license_comes_from_the_cache_and_no_update_is_offered()
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Valid().With("update", Release("https://store.example.net/downloads/abc123"));
        await harness.Client.CheckForUpdateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip, "1.4.2");
        harness.GoOffline();

        var result = await harness.Client.CheckForUpdateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip, "1.4.2");
        var verify = await harness.VerifyAsync();

        Assert.True(result.License.IsValid);
        Assert.True(result.License.FromCache);
        Assert.Null(result.Update);
        Assert.True(verify.FromCache);
    }
}
