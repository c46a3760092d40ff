using System.Text.RegularExpressions;
using StoreSite.Licensing.Client.Tests.Fakes;

namespace StoreSite.Licensing.Client.Tests;

public sealed partial class RequestTests
{
    [Fact]
    public async Task Verify_posts_json_with_the_documented_field_names_to_the_verify_endpoint()
    {
        using var harness = new ClientHarness();

        await harness.Client.VerifyAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip);

        var call = Assert.Single(harness.Store.Calls);
        Assert.Equal("/api/v1/licenses/verify", call.Path);
        Assert.Equal("application/json", call.ContentType);
        Assert.Equal(["license_key", "domain", "ip", "product", "nonce"], call.FieldNames);
        Assert.Equal(ClientHarness.Key, call.Field("license_key"));
        Assert.Equal(ClientHarness.Domain, call.Field("domain"));
        Assert.Equal(ClientHarness.Ip, call.Field("ip"));
        Assert.Equal(ClientHarness.Product, call.Field("product"));
    }

    [Fact]
    public async Task Deactivate_posts_the_same_fields_to_the_deactivate_endpoint()
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Deactivated(0, 3);

        await harness.Client.DeactivateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip);

        var call = Assert.Single(harness.Store.Calls);
        Assert.Equal("/api/v1/licenses/deactivate", call.Path);
        Assert.Equal(["license_key", "domain", "ip", "product", "nonce"], call.FieldNames);
    }

    [Fact]
    public async Task The_update_check_adds_the_running_version()
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Valid().With("update", null);

        await harness.Client.CheckForUpdateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip, "1.4.2");

        var call = Assert.Single(harness.Store.Calls);
        Assert.Equal("/api/v1/licenses/updates", call.Path);
        Assert.Equal(["license_key", "domain", "ip", "product", "nonce", "version"], call.FieldNames);
        Assert.Equal("1.4.2", call.Field("version"));
    }

    [Fact]
    public async Task Every_call_sends_a_new_nonce_of_the_characters_the_api_allows()
    {
        using var harness = new ClientHarness();

        for (var i = 0; i < 25; i++)
        {
            await harness.VerifyAsync();
        }

        await harness.Client.DeactivateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip);
        var nonces = harness.Store.Calls.Select(c => c.Nonce).ToList();
        Assert.Equal(26, nonces.Count);
        Assert.Equal(nonces.Count, nonces.Distinct(StringComparer.Ordinal).Count());
        Assert.All(nonces, n => Assert.Matches(AllowedNonce(), n));
    }

    [Fact]
    public async Task A_store_under_a_path_keeps_its_path()
    {
        using var store = new FakeStore(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        using var http = new HttpClient(store);
        using var client = new LicenseClient(
            new LicenseClientOptions { StoreUrl = new Uri("https://example.net/store"), ProductSlug = "acme-seo", StorePublicKey = store.PublicKey },
            http);

        await client.VerifyAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip);

        Assert.Equal("/store/api/v1/licenses/verify", Assert.Single(store.Calls).Path);
    }

    [GeneratedRegex("^[A-Za-z0-9._~+/=-]{1,128}$")]
    private static partial Regex AllowedNonce();
}
