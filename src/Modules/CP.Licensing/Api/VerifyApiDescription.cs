using CP.Licensing.Api.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace CP.Licensing.Api;

/// <summary>
/// The OpenAPI description of the Verify endpoint (served at <c>/openapi/v1.json</c>). The request
/// body is described by a transformer, not by <c>Accepts</c>, whose content-type routing would answer
/// 415 itself without the documented JSON body.
/// </summary>
public static class VerifyApiDescription
{
    public const string DocumentName = "v1";

    private const string Description = """
        Checks a license key for an environment (a domain and the caller's IP address) and counts the
        environment against the key's Max Activations. Checks run in this order; the first that fails answers:
        429 rate_limited, 415 unsupported_media_type, 413 too_large (body over 8 KiB), 400 bad_request,
        422 validation_failed, 403 invalid_format, 404 not_found, 403 product_mismatch, 403 revoked,
        403 suspended, 403 expired, 403 max_activations. Every answer has checked_at; a call with a nonce gets
        it back and a signed answer (X-License-Signature: ed25519=<base64 of the signature of the body bytes>,
        public key at GET /api/v1/licenses/signing-key).
        A call matches the allow-list when its normalized domain or its connection IP is already on it
        (per license: domain or IP, domain only, IP only); a match never uses a slot. A development domain
        (localhost, *.test, staging.*...) records a development environment that uses no slot.
        """;

    /// <summary>The licensing API's routes in the document: Verify, Deactivate, the update check and the signing key.</summary>
    public static bool IsLicensingRoute(string? relativePath) =>
        string.Equals(relativePath, VerifyContract.Route.TrimStart('/'), StringComparison.OrdinalIgnoreCase)
        || string.Equals(relativePath, VerifyContract.DeactivateRoute.TrimStart('/'), StringComparison.OrdinalIgnoreCase)
        || string.Equals(relativePath, VerifyContract.UpdatesRoute.TrimStart('/'), StringComparison.OrdinalIgnoreCase)
        || string.Equals(relativePath, VerifyContract.SigningKeyRoute.TrimStart('/'), StringComparison.OrdinalIgnoreCase);

    public static TBuilder WithVerifyApiDescription<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder
            .WithName("VerifyLicense")
            .WithTags("Licenses")
            .WithSummary("Verify a license key for an environment")
            .WithDescription(Description)
            .WithLicensingAnswers<TBuilder, VerifyValidDocument, VerifyRequestDocument>("At most 8 KiB of JSON.");

    /// <summary>
    /// What the licensing API's POST endpoints share in the description: the 200 answer
    /// (<typeparamref name="TValid"/>), Verify's failure body for every refusal status, and the JSON
    /// request body (<typeparamref name="TRequest"/>) described by a transformer.
    /// </summary>
    internal static TBuilder WithLicensingAnswers<TBuilder, TValid, TRequest>(this TBuilder builder, string bodyDescription)
        where TBuilder : IEndpointConventionBuilder =>
        builder
            .WithMetadata(
                Answer<TValid>(StatusCodes.Status200OK),
                Answer<VerifyFailureDocument>(StatusCodes.Status400BadRequest),
                Answer<VerifyFailureDocument>(StatusCodes.Status403Forbidden),
                Answer<VerifyFailureDocument>(StatusCodes.Status404NotFound),
                Answer<VerifyFailureDocument>(StatusCodes.Status413PayloadTooLarge),
                Answer<VerifyFailureDocument>(StatusCodes.Status415UnsupportedMediaType),
                Answer<VerifyFailureDocument>(StatusCodes.Status422UnprocessableEntity),
                Answer<VerifyFailureDocument>(StatusCodes.Status429TooManyRequests))
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var schema = await context.GetOrCreateSchemaAsync(typeof(TRequest), null, cancellationToken);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = bodyDescription,
                    Content = new Dictionary<string, OpenApiMediaType> { [VerifyContract.ContentType] = new() { Schema = schema } },
                };
            });

    private static ProducesResponseTypeMetadata Answer<T>(int statusCode) => new(statusCode, typeof(T), [VerifyContract.ContentType]);
}
