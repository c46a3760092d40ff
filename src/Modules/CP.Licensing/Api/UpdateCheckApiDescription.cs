using CP.Licensing.Api.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CP.Licensing.Api;

/// <summary>
/// The OpenAPI description of the update check (in the licensing document, <c>/openapi/v1.json</c>).
/// The request body is described by a transformer, as for Verify.
/// </summary>
public static class UpdateCheckApiDescription
{
    private const string Description = """
        Runs Verify's checks and counting (the same answers, statuses, rate limit and budget), then offers the
        newest published release of the product above the request's version (SemVer 2.0 precedence: 1.10.0 above
        1.9.0, 2.0.0-rc.1 below 2.0.0, build metadata ignored) that the key entitles to, or update: null. product
        and version are required (422 naming the field). An expired key is refused with 403 expired, as Verify
        refuses it; its owner downloads the releases it stays entitled to from Account -> Downloads. With the
        Downloads module off, a valid key gets update: null. A call with a nonce gets it back and a signed answer.
        """;

    public static TBuilder WithUpdateCheckApiDescription<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder
            .WithName("CheckForUpdate")
            .WithTags("Licenses")
            .WithSummary("Verify a license key and ask for the newest release above a version")
            .WithDescription(Description)
            .WithLicensingAnswers<TBuilder, UpdateCheckValidDocument, UpdateCheckRequestDocument>("At most 8 KiB of JSON, as for Verify.");
}
