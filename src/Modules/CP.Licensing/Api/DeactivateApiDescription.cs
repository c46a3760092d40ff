using CP.Licensing.Api.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CP.Licensing.Api;

/// <summary>
/// The OpenAPI description of the Deactivate endpoint (in the licensing document, <c>/openapi/v1.json</c>).
/// Its request is Verify's; the body is described by a transformer, as for Verify.
/// </summary>
public static class DeactivateApiDescription
{
    private const string Description = """
        Removes the environment the call matches from the key's allow-list and frees its slot. The same
        limits, rate limit (one budget with Verify) and 429/415/413/400/422 answers as Verify; then 403
        invalid_format, 404 not_found, 403 product_mismatch, 403 revoked, 404 not_activated (nothing on
        the allow-list matches), 403 deactivation_limit (the key's self-service allowance is used up;
        nothing removed). Suspended and expired keys may deactivate. The match is Verify's rule: when the
        domain matches one environment and the connection IP another, the domain's is removed, one per
        call. A development domain removes that domain's development environment, free of the allowance.
        """;

    public static TBuilder WithDeactivateApiDescription<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder
            .WithName("DeactivateLicense")
            .WithTags("Licenses")
            .WithSummary("Deactivate an environment of a license key")
            .WithDescription(Description)
            .WithLicensingAnswers<TBuilder, DeactivatedDocument, VerifyRequestDocument>("At most 8 KiB of JSON, as for Verify.");
}
