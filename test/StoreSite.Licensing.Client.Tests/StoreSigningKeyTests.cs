using Microsoft.Extensions.Time.Testing;
using StoreSite.Licensing.Client.Tests.Fakes;

namespace StoreSite.Licensing.Client.Tests;

public sealed class StoreSigningKeyTests
{
    [Fact]
    public async Task The_store_s_public_key_is_read_from_the_signing_key_endpoint()
    {
        using var store = new FakeStore(new FakeTimeProvider());
        using var http = new HttpClient(store);

        var key = await StoreSigningKey.FetchAsync(http, new Uri("https://store.example.net"));

        Assert.Equal(store.PublicKey, key);
    }

    [Theory]
    [InlineData("{\"algorithm\":\"rsa\",\"public_key\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}")]
    [InlineData("{\"algorithm\":\"ed25519\",\"public_key\":\"AAAA\"}")]
    [InlineData("{\"algorithm\":\"ed25519\"}")]
    [InlineData("<html></html>")]
    public async Task Anything_but_an_ed25519_key_of_32_bytes_is_refused(string answer)
    {
        using var store = new FakeStore(new FakeTimeProvider()) { SigningKeyAnswer = answer };
        using var http = new HttpClient(store);

        await Assert.ThrowsAsync<InvalidOperationException>(() => StoreSigningKey.FetchAsync(http, new Uri("https://store.example.net/")));
    }
}
