using Microsoft.Extensions.Time.Testing;

namespace StoreSite.Licensing.Client.Tests.Fakes;

/// <summary>A <see cref="LicenseClient"/> against a <see cref="FakeStore"/>, with a test clock and a cache file in its own temporary folder.</summary>
public sealed class ClientHarness : IDisposable
{
    public const string Key = "CP-7QH2MZ-K4D9TX-0WJ3RB-N8V6PA-HTARZ4";
    public const string Domain = "shop.example.com";
    public const string Ip = "203.0.113.10";
    public const string Product = "acme-seo";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "storesite-client-tests", Guid.NewGuid().ToString("N"));
    private readonly HttpClient http;

    public ClientHarness(TimeSpan? gracePeriod = null, bool withCache = true, string? embeddedKey = null, IAnswerCache? cache = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        Store = new FakeStore(Time);
        http = new HttpClient(Store);
        CacheFile = Path.Combine(folder, "license-answer.json");
        Client = new LicenseClient(
            new LicenseClientOptions
            {
                StoreUrl = new Uri("https://store.example.net/"),
                ProductSlug = Product,
                StorePublicKey = embeddedKey ?? Store.PublicKey,
                GracePeriod = gracePeriod ?? TimeSpan.FromDays(7),
                Timeout = TimeSpan.FromMilliseconds(300),
                CacheFilePath = withCache && cache is null ? CacheFile : null,
                Cache = cache,
                TimeProvider = Time,
            },
            http);
    }

    public FakeTimeProvider Time { get; }

    public FakeStore Store { get; }

    public LicenseClient Client { get; }

    public string CacheFile { get; }

    public Task<LicenseCheck> VerifyAsync(string key = Key, string domain = Domain) => Client.VerifyAsync(key, domain, Ip);

    /// <summary>The store goes out of reach (connection refused).</summary>
    public void GoOffline() => Store.Failure = new HttpRequestException("Connection refused");

    public void Dispose()
    {
        Client.Dispose();
        http.Dispose();
        Store.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
