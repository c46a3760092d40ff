using System.ComponentModel;
using System.Text.Json.Serialization;
using CP.Licensing.Api;

namespace CP.Licensing.Api.Documents;

/// <summary>The signing-key answer as the OpenAPI description shows it.</summary>
public sealed record SigningKeyDocument(
    [property: JsonPropertyName(VerifyContract.AlgorithmField), Description("Always ed25519.")] string Algorithm,
    [property: JsonPropertyName(VerifyContract.PublicKeyField), Description("The public key, base64 of 32 bytes.")] string PublicKey);
