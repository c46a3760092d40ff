using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StoreSite.Licensing.Client;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.LicensingArrange;
using ClientStatus = StoreSite.Licensing.Client.LicenseStatus;

namespace StoreSite.Tests.Licensing;

/// <summary>The client library (src/Clients) against a real store: what a product developer gets.</summary>
public sealed class LicensingClientAgainstStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly string _cacheFile = Path.Combine(Path.GetTempPath(), "storesite-client-" + Guid.NewGuid().ToString("N") + ".json");

    public void Dispose() => File.Delete(_cacheFile);

    [Fact]
    public async Task A_valid_key_is_valid_a_key_of_another_product_is_not_and_both_answers_are_trusted()
    {
        await using var site = await StoreAsync();
        var (gallery, slider) = await KeysAsync(site);
        using var client = await ClientAsync(site, new StoreRelay(site));

        var valid = await client.VerifyAsync(gallery, "shop.example.com", "203.0.113.10");
        var other = await client.VerifyAsync(slider, "shop.example.com", "203.0.113.10");

        Assert.Equal(ClientStatus.Valid, valid.Status);
        Assert.False(valid.FromCache);
        Assert.Equal(1, valid.Activations?.Used);
        Assert.Equal(ClientStatus.Invalid, other.Status);
        Assert.Equal("product_mismatch", other.Code);
    }

    [Fact]
    public async Task A_tampered_answer_is_rejected()
    {
        await using var site = await StoreAsync();
        var (gallery, _) = await KeysAsync(site);
        using var client = await ClientAsync(site, new StoreRelay(site) { Tamper = body => body.Replace("\"used\":1", "\"used\":0", StringComparison.Ordinal) });

        var check = await client.VerifyAsync(gallery, "shop.example.com", "203.0.113.10");

        Assert.NotEqual(ClientStatus.Valid, check.Status);
    }

    [Fact]
    public async Task A_replayed_answer_is_rejected()
    {
        await using var site = await StoreAsync();
        var (gallery, _) = await KeysAsync(site);
        var relay = new StoreRelay(site);
        using var client = await ClientAsync(site, relay);
        Assert.Equal(ClientStatus.Valid, (await client.VerifyAsync(gallery, "shop.example.com", "203.0.113.10")).Status);

        // A fake server answers every later call with the recorded, genuinely signed answer.
        relay.Replay = relay.Last;
        using var fresh = await ClientAsync(site, relay, cache: false);
        var check = await fresh.VerifyAsync(gallery, "shop.example.com", "203.0.113.10");

        Assert.Equal(ClientStatus.Untrusted, check.Status);
    }

    [Fact]
    public async Task While_the_store_is_down_the_last_valid_answer_is_served_within_the_grace_period_only()
    {
        await using var site = await StoreAsync();
        var (gallery, _) = await KeysAsync(site);
        var relay = new StoreRelay(site);
        var clock = new FakeTimeProvider(Noon);
        using var client = await ClientAsync(site, relay, clock: clock);
        Assert.Equal(ClientStatus.Valid, (await client.VerifyAsync(gallery, "shop.example.com", "203.0.113.10")).Status);

        relay.Down = true;
        clock.Advance(TimeSpan.FromDays(6));
        var within = await client.VerifyAsync(gallery, "shop.example.com", "203.0.113.10");
        clock.Advance(TimeSpan.FromDays(2));
        var beyond = await client.VerifyAsync(gallery, "shop.example.com", "203.0.113.10");

        Assert.Equal(ClientStatus.Valid, within.Status);
        Assert.True(within.FromCache);
        Assert.NotEqual(ClientStatus.Valid, beyond.Status);
    }

    [Fact]
    public async Task After_the_store_said_revoked_the_cached_answer_is_never_served()
    {
        await using var site = await StoreAsync();
        var (gallery, _) = await KeysAsync(site);
        var relay = new StoreRelay(site);
        using var client = await ClientAsync(site, relay);
        Assert.Equal(ClientStatus.Valid, (await client.VerifyAsync(gallery, "shop.example.com", "203.0.113.10")).Status);

        var id = (await LoadAsync(site, gallery)).Id;
        await site.InScopeAsync(sp => sp.GetRequiredService<CP.Licensing.Lifecycle.LicenseRevoker>().RevokeAsync(id, "Refunded by hand", TestSite.AdminEmail, CancellationToken.None));
        var revoked = await client.VerifyAsync(gallery, "shop.example.com", "203.0.113.10");
        relay.Down = true;
        var offline = await client.VerifyAsync(gallery, "shop.example.com", "203.0.113.10");

        Assert.Equal(ClientStatus.Invalid, revoked.Status);
        Assert.Equal("revoked", revoked.Code);
        Assert.NotEqual(ClientStatus.Valid, offline.Status);
    }

    [Fact]
    public async Task Deactivate_frees_the_slot_once_and_then_answers_not_activated()
    {
        await using var site = await StoreAsync();
        var (gallery, _) = await KeysAsync(site);
        using var client = await ClientAsync(site, new StoreRelay(site));
        Assert.Equal(ClientStatus.Valid, (await client.VerifyAsync(gallery, "shop.example.com", "203.0.113.10")).Status);

        var first = await client.DeactivateAsync(gallery, "shop.example.com", "203.0.113.10");
        var second = await client.DeactivateAsync(gallery, "shop.example.com", "203.0.113.10");

        Assert.True(first.IsDeactivated, first.Code);
        Assert.Equal(0, first.Activations?.Used);
        Assert.False(second.IsDeactivated);
        Assert.Equal("not_activated", second.Code);
        Assert.Empty((await LoadAsync(site, gallery)).Activations);
    }

    [Fact]
    public async Task CheckForUpdateAsync_gets_a_trusted_update_whose_link_downloads_the_file_and_a_tampered_one_is_rejected()
    {
        await using var site = Downloads.DownloadsArrange.StartSite(o => o.Now = Noon);
        await RunRecipeAsync(site, SettingsStep(), UsersStep(CustomerEmail), LicensesStep(VerifyApiV2Tests.Keyed(License(product: "Site Builder Pro"), Commerce.Store.SiteBuilder)));
        var key = (await AllAsync(site)).Single().Key;
        var release = await Downloads.DownloadsArrange.PublishAsync(site, Commerce.Store.SiteBuilder, "1.2.0", new DateOnly(2026, 3, 11), notes: "Faster.");
        using var client = await ClientAsync(site, new StoreRelay(site), product: Commerce.Store.SiteBuilder);
        using var tampering = await ClientAsync(site, new StoreRelay(site) { Tamper = body => body.Replace("1.2.0", "1.2.1", StringComparison.Ordinal) }, cache: false, product: Commerce.Store.SiteBuilder);

        var offered = await client.CheckForUpdateAsync(key, "shop.example.com", "203.0.113.10", "1.0.0");
        var upToDate = await client.CheckForUpdateAsync(key, "shop.example.com", "203.0.113.10", "1.2.0");
        var tampered = await tampering.CheckForUpdateAsync(key, "shop.example.com", "203.0.113.10", "1.0.0");

        Assert.Equal(ClientStatus.Valid, offered.Status);
        var update = Assert.IsType<AvailableUpdate>(offered.Update);
        Assert.Equal("1.2.0", update.Version);
        Assert.Equal("Faster.", update.Notes);
        Assert.Equal(release.Sha256, update.Sha256);
        using var anonymous = site.CreateClient();
        var bytes = await anonymous.GetByteArrayAsync(update.DownloadUrl.PathAndQuery);
        Assert.Equal(update.Size, bytes.Length);
        Assert.Equal(update.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        Assert.Equal(ClientStatus.Valid, upToDate.Status);
        Assert.Null(upToDate.Update);
        Assert.Equal(ClientStatus.Untrusted, tampered.Status);
        Assert.Null(tampered.Update);
    }

    private static async Task<TestSite> StoreAsync()
    {
        var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        await VerifyApiV2Tests.ProductsAsync(site, "gallery-pro", "slider-max");
        return site;
    }

    private static async Task<(string Gallery, string Slider)> KeysAsync(TestSite site)
    {
        await RunRecipeAsync(site, LicensesStep(
            VerifyApiV2Tests.Keyed(License(product: "Gallery Pro"), "gallery-pro"),
            VerifyApiV2Tests.Keyed(License(product: "Slider Max"), "slider-max")));
        var keys = (await AllAsync(site)).Select(l => l.Key).ToList();
        return (keys[0], keys[1]);
    }

    private async Task<LicenseClient> ClientAsync(TestSite site, StoreRelay relay, FakeTimeProvider? clock = null, bool cache = true, string product = "gallery-pro") => new(
        new LicenseClientOptions
        {
            StoreUrl = new Uri("http://store.test/"),
            ProductSlug = product,
            StorePublicKey = await VerifyApiV2Tests.PublicKeyAsync(site.CreateClient()),
            CacheFilePath = cache ? _cacheFile : null,
            TimeProvider = clock ?? new FakeTimeProvider(Noon),
        },
        new HttpClient(relay));

    /// <summary>
    /// Carries the client's calls to the test store, and plays what sits between a product and its
    /// store: a network that is down, a man in the middle that alters or replays answers.
    /// </summary>
    private sealed class StoreRelay(TestSite site) : HttpMessageHandler
    {
        private readonly HttpClient _store = site.CreateClient();

        public bool Down { get; set; }

        public Func<string, string>? Tamper { get; init; }

        public (byte[] Body, string? Signature, HttpStatusCode Status)? Replay { get; set; }

        public (byte[] Body, string? Signature, HttpStatusCode Status)? Last { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Down)
            {
                throw new HttpRequestException("Connection refused (test: the store is down).");
            }

            if (Replay is { } replay)
            {
                return Answer(replay.Status, replay.Body, replay.Signature);
            }

            using var forward = new HttpRequestMessage(request.Method, request.RequestUri!.PathAndQuery);
            if (request.Content is not null)
            {
                forward.Content = new ByteArrayContent(await request.Content.ReadAsByteArrayAsync(cancellationToken));
                forward.Content.Headers.ContentType = request.Content.Headers.ContentType;
            }

            using var response = await _store.SendAsync(forward, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var signature = response.Headers.TryGetValues("X-License-Signature", out var values) ? values.Single() : null;
            Last = (body, signature, response.StatusCode);
            if (Tamper is not null)
            {
                body = System.Text.Encoding.UTF8.GetBytes(Tamper(System.Text.Encoding.UTF8.GetString(body)));
            }

            return Answer(response.StatusCode, body, signature);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _store.Dispose();
            }

            base.Dispose(disposing);
        }

        private static HttpResponseMessage Answer(HttpStatusCode status, byte[] body, string? signature)
        {
            var answer = new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
            answer.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            if (signature is not null)
            {
                answer.Headers.TryAddWithoutValidation("X-License-Signature", signature);
            }

            return answer;
        }
    }
}
