using System.Text;
using CP.Licensing.Keys;

namespace StoreSite.Tests.Licensing;

public sealed class ResponseSigningKeyTests
{
    [Fact]
    public void A_signature_verifies_with_the_public_key_over_the_exact_bytes_only()
    {
        using var key = ResponseSigningKey.FromSeed(ResponseSigningKey.NewSeed());
        var body = Encoding.UTF8.GetBytes("""{"valid":true,"nonce":"abc"}""");

        var header = key.SignatureHeader(body);

        Assert.StartsWith("ed25519=", header, StringComparison.Ordinal);
        var signature = Convert.FromBase64String(header["ed25519=".Length..]);
        Assert.Equal(ResponseSigningKey.SignatureLength, signature.Length);
        Assert.True(ResponseSigningKey.Verify(key.PublicKey, body, signature));

        body[10] ^= 1;
        Assert.False(ResponseSigningKey.Verify(key.PublicKey, body, signature));
    }

    [Fact]
    public void The_same_seed_gives_the_same_key_on_every_node_and_another_seed_another()
    {
        var seed = ResponseSigningKey.NewSeed();
        using var first = ResponseSigningKey.FromSeed(seed);
        using var second = ResponseSigningKey.FromSeed(seed);
        using var other = ResponseSigningKey.FromSeed(ResponseSigningKey.NewSeed());
        var body = "same body"u8.ToArray();

        Assert.Equal(first.PublicKey, second.PublicKey);
        Assert.Equal(32, Convert.FromBase64String(first.PublicKey).Length);
        Assert.NotEqual(first.PublicKey, other.PublicKey);
        var signature = Convert.FromBase64String(second.SignatureHeader(body)["ed25519=".Length..]);
        Assert.True(ResponseSigningKey.Verify(first.PublicKey, body, signature));
        Assert.False(ResponseSigningKey.Verify(other.PublicKey, body, signature));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void A_seed_that_is_not_base64_of_32_bytes_is_refused(string seed)
    {
        Assert.False(ResponseSigningKey.IsValidSeed(seed));
        Assert.Throws<FormatException>(() => ResponseSigningKey.FromSeed(seed));
    }

    [Fact]
    public void A_public_key_or_signature_of_the_wrong_length_never_verifies()
    {
        using var key = ResponseSigningKey.FromSeed(ResponseSigningKey.NewSeed());
        var body = "x"u8.ToArray();
        var signature = Convert.FromBase64String(key.SignatureHeader(body)["ed25519=".Length..]);

        Assert.False(ResponseSigningKey.Verify("AAAA", body, signature));
        Assert.False(ResponseSigningKey.Verify(key.PublicKey, body, signature[..63]));
    }
}
