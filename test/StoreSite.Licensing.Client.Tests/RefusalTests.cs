using System.Net;
using StoreSite.Licensing.Client.Tests.Fakes;

namespace StoreSite.Licensing.Client.Tests;

public sealed class RefusalTests
{
    [Theory]
    [InlineData(HttpStatusCode.Forbidden, LicenseCodes.InvalidFormat, "invalid_format", "Invalid license format.")]
    [InlineData(HttpStatusCode.NotFound, LicenseCodes.NotFound, "not_found", "License not found.")]
    [InlineData(HttpStatusCode.Forbidden, LicenseCodes.ProductMismatch, "product_mismatch", "License is for another product.")]
    [InlineData(HttpStatusCode.Forbidden, LicenseCodes.Revoked, "revoked", "License has been revoked.")]
    [InlineData(HttpStatusCode.Forbidden, LicenseCodes.Suspended, "suspended", "License is suspended.")]
    [InlineData(HttpStatusCode.Forbidden, LicenseCodes.Expired, "expired", "License expired.")]
    [InlineData(HttpStatusCode.Forbidden, LicenseCodes.MaxActivations, "max_activations", "Max activations exceeded.")]
    public async Task A_signed_license_refusal_is_invalid_with_its_code_and_reason(HttpStatusCode status, string constant, string code, string reason)
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Refusal(status, code, reason);

        var check = await harness.VerifyAsync();

        Assert.Equal(code, constant);
        Assert.Equal(LicenseStatus.Invalid, check.Status);
        Assert.False(check.IsValid);
        Assert.Equal(code, check.Code);
        Assert.Equal(reason, check.Reason);
        Assert.Equal(harness.Time.GetUtcNow(), check.CheckedAt);
    }

    [Fact]
    public async Task A_validation_failure_is_a_refused_request_with_the_field_messages()
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Refusal((HttpStatusCode)422, "validation_failed", "domain is not a valid host name.")
            .With("errors", new Dictionary<string, string[]> { ["domain"] = ["domain is not a valid host name."] });

        var check = await harness.VerifyAsync(domain: "not a host");

        Assert.Equal(LicenseStatus.Refused, check.Status);
        Assert.Equal(LicenseCodes.ValidationFailed, check.Code);
        Assert.Equal(["domain is not a valid host name."], check.Errors!["domain"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, LicenseCodes.BadRequest)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, LicenseCodes.TooLarge)]
    [InlineData(HttpStatusCode.UnsupportedMediaType, LicenseCodes.UnsupportedMediaType)]
    public async Task Other_signed_request_refusals_are_refused_with_their_code(HttpStatusCode status, string code)
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Refusal(status, code, "Refused.");

        var check = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Refused, check.Status);
        Assert.Equal(code, check.Code);
    }

    [Fact]
    public async Task Too_many_requests_is_unreachable_with_rate_limited_and_the_wait()
    {
        using var harness = new ClientHarness();
        harness.Store.PlainStatus = HttpStatusCode.TooManyRequests;

        var check = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Unreachable, check.Status);
        Assert.Equal(LicenseCodes.RateLimited, check.Code);
        Assert.Equal(TimeSpan.FromSeconds(30), check.RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_server_error_is_unreachable(HttpStatusCode status)
    {
        using var harness = new ClientHarness();
        harness.Store.PlainStatus = status;

        var check = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Unreachable, check.Status);
        Assert.False(check.IsValid);
    }

    [Fact]
    public async Task A_signed_refusal_with_an_unexpected_status_is_untrusted()
    {
        using var harness = new ClientHarness();
        harness.Store.Answer = FakeAnswer.Refusal(HttpStatusCode.Accepted, "revoked", "License has been revoked.");

        var check = await harness.VerifyAsync();

        Assert.Equal(LicenseStatus.Untrusted, check.Status);
    }
}
