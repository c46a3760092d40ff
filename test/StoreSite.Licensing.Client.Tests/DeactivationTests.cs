using System.Net;
using StoreSite.Licensing.Client.Tests.Fakes;

namespace StoreSite.Licensing.Client.Tests;

public sealed class DeactivationTests
{
    [Fact]
    public async Task A_signed_deactivation_frees_the_slot_and_forgets_the_cached_answer()
    {
        using var harness = new ClientHarness();
        await harness.VerifyAsync();
        harness.Store.Answer = FakeAnswer.Deactivated(used: 0, max: 3);

        var result = await harness.Client.DeactivateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip);

        Assert.Equal(DeactivationStatus.Deactivated, result.Status);
        Assert.True(result.IsDeactivated);
        Assert.Equal(new Activations(0, 3), result.Activations);
        Assert.Equal(harness.Time.GetUtcNow(), result.CheckedAt);
        harness.GoOffline();
        Assert.Equal(LicenseStatus.Unreachable, (await harness.VerifyAsync()).Status);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, LicenseCodes.NotActivated, "Environment is not activated.")]
    [InlineData(HttpStatusCode.Forbidden, LicenseCodes.Revoked, "License has been revoked.")]
    [InlineData(HttpStatusCode.NotFound, LicenseCodes.NotFound, "License not found.")]
    [InlineData(HttpStatusCode.Forbidden, LicenseCodes.ProductMismatch, "License is for another product.")]
    public async Task A_refused_deactivation_carries_the_code_and_forgets_the_cached_answer(HttpStatusCode status, string code, string reason)
    {
        using var harness = new ClientHarness();
        await harness.VerifyAsync();
        harness.Store.Answer = FakeAnswer.Refusal(status, code, reason);

        var result = await harness.Client.DeactivateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip);

        Assert.Equal(DeactivationStatus.Refused, result.Status);
        Assert.Equal(code, result.Code);
        Assert.Equal(reason, result.Reason);
        Assert.False(File.Exists(harness.CacheFile));
    }

    [Fact]
    public async Task The_deactivation_limit_removes_nothing_so_the_cached_answer_stays()
    {
        using var harness = new ClientHarness();
        await harness.VerifyAsync();
        harness.Store.Answer = FakeAnswer.Refusal(HttpStatusCode.Forbidden, LicenseCodes.DeactivationLimit, "Deactivation limit reached.");

        var result = await harness.Client.DeactivateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip);

        Assert.Equal(DeactivationStatus.Refused, result.Status);
        Assert.Equal(LicenseCodes.DeactivationLimit, result.Code);
        harness.GoOffline();
        Assert.True((await harness.VerifyAsync()).FromCache);
    }

    [Theory]
    [InlineData(Tampering.SignedWithAnotherKey)]
    [InlineData(Tampering.NoSignatureHeader)]
    [InlineData(Tampering.NonceOfAnotherCall)]
    public async Task A_deactivation_answer_that_does_not_check_out_is_untrusted(Tampering tampering)
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Deactivated(used: 0, max: 3);
        harness.Store.Tampering = tampering;

        var result = await harness.Client.DeactivateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip);

        Assert.Equal(DeactivationStatus.Untrusted, result.Status);
        Assert.False(result.IsDeactivated);
        Assert.Null(result.Activations);
    }

    [Fact]
    public async Task A_deactivation_while_the_store_is_unreachable_is_unreachable_never_from_the_cache()
    {
        using var harness = new ClientHarness();
        await harness.VerifyAsync();
        harness.GoOffline();

        var result = await harness.Client.DeactivateAsync(ClientHarness.Key, ClientHarness.Domain, ClientHarness.Ip);

        Assert.Equal(DeactivationStatus.Unreachable, result.Status);
        Assert.True(File.Exists(harness.CacheFile));
    }
}
