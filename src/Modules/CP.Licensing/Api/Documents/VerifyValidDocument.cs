using System.ComponentModel;
using System.Text.Json.Serialization;

namespace CP.Licensing.Api.Documents;

/// <summary>The 200 answer as the OpenAPI description shows it.</summary>
public sealed record VerifyValidDocument(
    [property: JsonPropertyName("valid"), Description("Always true.")] bool Valid,
    [property: JsonPropertyName("product"), Description("The product name taken when the key was issued.")] string Product,
    [property: JsonPropertyName("expiry"), Description("The last valid day (YYYY-MM-DD, UTC), or null for a lifetime license.")] string? Expiry,
    [property: JsonPropertyName("lifetime"), Description("True when the license never expires.")] bool Lifetime,
    [property: JsonPropertyName("activations")] VerifyActivationsDocument Activations);
