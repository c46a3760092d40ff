using System.ComponentModel;
using System.Text.Json.Serialization;
using CP.Licensing.Api;

namespace CP.Licensing.Api.Documents;

/// <summary>The Deactivate API's 200 answer as the OpenAPI description shows it.</summary>
public sealed record DeactivatedDocument(
    [property: JsonPropertyName(VerifyContract.DeactivatedField), Description("Always true.")] bool Deactivated,
    [property: JsonPropertyName(VerifyContract.ActivationsField)] VerifyActivationsDocument Activations,
    [property: JsonPropertyName(VerifyContract.CheckedAtField), Description("When the store answered (UTC, seconds).")] string CheckedAt,
    [property: JsonPropertyName(VerifyContract.NonceField), Description("The request's nonce, echoed when it sent one (the answer is then signed).")] string? Nonce);
