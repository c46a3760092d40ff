using System.Net;
using StoreSite.Licensing.Client.Tests.Fakes;

namespace StoreSite.Licensing.Client.Tests;

public sealed class SignedAnswerTests
{
    [Fact]
    public async Task A_signed_answer_echoing_the_nonce_is_valid_with_the_license_fields()
    {
        using var harness = new ClientHarness();

        var check = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Valid, check.Status);
        Assert.True(check.IsValid);
        Assert.Equal("Acme SEO", check.Product);
        Assert.Equal(new DateOnly(2027, 12, 31), check.Expiry);
        Assert.False(check.Lifetime);
        Assert.Equal(new Activations(1, 3), check.Activations);
        Assert.False(check.Development);
        Assert.Equal(harness.Time.GetUtcNow(), check.CheckedAt);
        Assert.False(check.FromCache);
        Assert.Null(check.Code);
    }

    [Fact]
    public async Task A_lifetime_development_answer_says_so()
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Valid(used: 0, max: 0, expiry: null, development: true);

        var check = await harness.VerifyAsync();

        Assert.True(check.IsValid);
        Assert.True(check.Lifetime);
        Assert.Null(check.Expiry);
        Assert.True(check.Development);
        Assert.Equal(new Activations(0, 0), check.Activations);
    }

    [Theory]
    [InlineData(Tampering.SignedWithAnotherKey)]
    [InlineData(Tampering.NoSignatureHeader)]
    [InlineData(Tampering.SignatureNotEd25519)]
    [InlineData(Tampering.SignatureOfOtherBytes)]
    [InlineData(Tampering.BodyAlteredAfterSigning)]
    [InlineData(Tampering.NonceOfAnotherCall)]
    [InlineData(Tampering.NonceLeftOut)]
    [InlineData(Tampering.TwoSignatureHeaders)]
    public async Task A_valid_answer_that_does_not_check_out_is_untrusted_never_valid(Tampering tampering)
    {
        using var harness = new ClientHarness(withCache: false);
        harness.Store.Tampering = tampering;

        var check = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Untrusted, check.Status);
        Assert.False(check.IsValid);
        Assert.Null(check.Product);
        Assert.Null(check.Activations);
    }

    [Fact]
    public async Task A_product_embedding_another_key_trusts_no_answer_of_this_store()
    {
        using var store = new ClientHarness();
        using var harness = new ClientHarness(embeddedKey: store.Store.OtherPublicKey);

        var check = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Untrusted, check.Status);
    }

    [Fact]
    public async Task An_answer_replayed_from_an_earlier_call_is_untrusted()
    {
        using var harness = new ClientHarness(withCache: false);
        Assert.True((await harness.VerifyAsync()).IsValid);

        harness.Store.Tampering = Tampering.NonceOfAnotherCall;
        var replayed = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Untrusted, replayed.Status);
    }

    [Fact]
    public async Task A_refusal_altered_into_valid_is_untrusted()
    {
        using var harness = new ClientHarness(withCache: false);
        harness.Store.Answer = FakeAnswer.Refusal(HttpStatusCode.OK, "revoked", "License has been revoked.") with { Fields = new() { ["valid"] = false, ["product"] = "Acme SEO" } };
        harness.Store.Tampering = Tampering.BodyAlteredAfterSigning;

        var check = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Untrusted, check.Status);
    }

    [Fact]
    public async Task A_signed_200_that_is_not_a_valid_answer_is_untrusted()
    {
        using var harness = new ClientHarness(withCache: false);
        harness.Store.Answer = FakeAnswer.Valid().With("valid", "yes");

        var check = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Untrusted, check.Status);
    }

    [Fact]
    public async Task An_answer_without_checked_at_is_untrusted()
    {
        using var harness = new ClientHarness(withCache: false);
        harness.Store.Answer = FakeAnswer.Valid().With("checked_at", null);

        var check = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Untrusted, check.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")]
    public void A_store_key_that_is_not_32_bytes_of_base64_fails_at_creation_naming_the_option(string key)
    {
        var options = new LicenseClientOptions { StoreUrl = new Uri("https://store.example.net/"), ProductSlug = "acme-seo", StorePublicKey = key };

        var error = Assert.ThrowsAny<ArgumentException>(() => new LicenseClient(options));

        Assert.Contains("StorePublicKey", error.Message, StringComparison.Ordinal);
    }
}
