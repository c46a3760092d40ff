using System.ComponentModel;
using System.Text.Json.Serialization;

namespace CP.Licensing.Api.Documents;

/// <summary>The <c>activations</c> object of a 200 answer.</summary>
public sealed record VerifyActivationsDocument(
    [property: JsonPropertyName("used"), Description("Environments on the allow-list.")] int Used,
    [property: JsonPropertyName("max"), Description("Max Activations; 0 is unlimited.")] int Max);
