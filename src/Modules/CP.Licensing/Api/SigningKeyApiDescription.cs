using CP.Licensing.Api.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CP.Licensing.Api;

/// <summary>The OpenAPI description of the signing-key endpoint (in the licensing document).</summary>
public static class SigningKeyApiDescription
{
    private const string Description = """
        The store's Ed25519 public key (base64 of 32 bytes). Answers to requests that carry a nonce have an
        X-License-Signature header, ed25519=<base64 signature of the exact body bytes>, checked with this key.
        """;

    public static TBuilder WithSigningKeyApiDescription<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder
            .WithName("LicenseSigningKey")
            .WithTags("Licenses")
            .WithSummary("The public key that signs licensing answers")
            .WithDescription(Description)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(SigningKeyDocument), [VerifyContract.ContentType]));
}
