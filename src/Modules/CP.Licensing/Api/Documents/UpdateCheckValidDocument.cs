using System.ComponentModel;
using System.Text.Json.Serialization;
using CP.Licensing.Api;

namespace CP.Licensing.Api.Documents;

/// <summary>The update check's 200 answer as the OpenAPI description shows it: Verify's fields and <c>update</c>.</summary>
public sealed record UpdateCheckValidDocument(
    [property: JsonPropertyName(VerifyContract.ValidField), Description("Always true.")] bool Valid,
    [property: JsonPropertyName(VerifyContract.ProductField), Description("The product name taken when the key was issued.")] string Product,
    [property: JsonPropertyName(VerifyContract.ExpiryField), Description("The last valid day (YYYY-MM-DD, UTC), or null for a lifetime license.")] string? Expiry,
    [property: JsonPropertyName(VerifyContract.LifetimeField), Description("True when the license never expires.")] bool Lifetime,
    [property: JsonPropertyName(VerifyContract.ActivationsField)] VerifyActivationsDocument Activations,
    [property: JsonPropertyName(VerifyContract.DevelopmentField), Description("Present (true) only for a development environment, which uses no slot.")] bool? Development,
    [property: JsonPropertyName(VerifyContract.UpdateField), Description("The newest published release above the request's version that the key entitles to, or null when there is none.")] UpdateDocument? Update,
    [property: JsonPropertyName(VerifyContract.CheckedAtField), Description("When the store answered, UTC, YYYY-MM-DDTHH:MM:SSZ.")] string CheckedAt,
    [property: JsonPropertyName(VerifyContract.NonceField), Description("The request's nonce, when it sent a valid one.")] string? Nonce);
