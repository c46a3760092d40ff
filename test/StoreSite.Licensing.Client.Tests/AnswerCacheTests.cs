using System.Net;
using StoreSite.Licensing.Client.Tests.Fakes;

namespace StoreSite.Licensing.Client.Tests;

public sealed class AnswerCacheTests
{
    [Fact]
    public async Task A_cache_of_your_own_keeps_the_signed_answer_and_serves_it_offline()
    {
        var cache = new MemoryAnswerCache();
        using var harness = new ClientHarness(cache: cache);
        await harness.VerifyAsync();
        Assert.NotNull(cache.Answer);
        harness.GoOffline();

        var check = await harness.VerifyAsync();

        Assert.True(check.IsValid);
        Assert.True(check.FromCache);
    }

    [Fact]
    public async Task After_a_refusal_an_answer_the_cache_could_not_forget_is_still_not_served()
    {
        var cache = new MemoryAnswerCache();
        using var harness = new ClientHarness(cache: cache);
        await harness.VerifyAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        harness.Store.Answer = FakeAnswer.Refusal(HttpStatusCode.Forbidden, LicenseCodes.Revoked, "License has been revoked.");
        cache.ClearFails = true;

        Assert.Equal(LicenseStatus.Invalid, (await harness.VerifyAsync()).Status);
        Assert.NotNull(cache.Answer);
        harness.GoOffline();

        Assert.Equal(LicenseStatus.Unreachable, (await harness.VerifyAsync()).Status);
    }

    [Fact]
    public async Task A_valid_answer_after_a_refusal_is_cached_and_served_again()
    {
        var cache = new MemoryAnswerCache();
        using var harness = new ClientHarness(cache: cache);
        harness.Store.Answer = FakeAnswer.Refusal(HttpStatusCode.Forbidden, LicenseCodes.Suspended, "License is suspended.");
        await harness.VerifyAsync();
        harness.Time.Advance(TimeSpan.FromHours(1));
        harness.Store.Answer = FakeAnswer.Valid();
        await harness.VerifyAsync();
        harness.GoOffline();

        Assert.True((await harness.VerifyAsync()).FromCache);
    }

    [Fact]
    public void Giving_both_a_cache_and_a_cache_file_fails_at_creation()
    {
        using var store = new FakeStore(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        var options = new LicenseClientOptions
        {
            StoreUrl = new Uri("https://store.example.net/"),
            ProductSlug = "acme-seo",
            StorePublicKey = store.PublicKey,
            Cache = new MemoryAnswerCache(),
            CacheFilePath = "answer.json",
        };

        var error = Assert.Throws<ArgumentException>(() => new LicenseClient(options));

        Assert.Contains("CacheFilePath", error.Message, StringComparison.Ordinal);
    }
}
