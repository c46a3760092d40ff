using System.ComponentModel;
using System.Text.Json.Serialization;
using CP.Licensing.Api;

namespace CP.Licensing.Api.Documents;

/// <summary>Every failure answer as the OpenAPI description shows it; <c>errors</c> only with 422.</summary>
public sealed record VerifyFailureDocument(
    [property: JsonPropertyName(VerifyContract.ValidField), Description("Always false.")] bool Valid,
    [property: JsonPropertyName(VerifyContract.ReasonField), Description("What is wrong, in English (422: the first field message).")] string Reason,
    [property: JsonPropertyName(VerifyContract.CodeField), Description("rate_limited, unsupported_media_type, too_large, bad_request, validation_failed, invalid_format, not_found, product_mismatch, revoked, suspended, expired or max_activations.")] string Code,
    [property: JsonPropertyName(VerifyContract.ErrorsField), Description("422 only: messages keyed by the request's field names (license_key, domain, ip, product, version, nonce).")] IReadOnlyDictionary<string, string[]>? Errors,
    [property: JsonPropertyName(VerifyContract.CheckedAtField), Description("When the store answered, UTC, YYYY-MM-DDTHH:MM:SSZ.")] string CheckedAt,
    [property: JsonPropertyName(VerifyContract.NonceField), Description("The request's nonce, when it sent a valid one.")] string? Nonce);
