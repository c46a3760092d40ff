using System.ComponentModel;
using System.Text.Json.Serialization;
using CP.Licensing.Api;

namespace CP.Licensing.Api.Documents;

/// <summary>The <c>activations</c> object of a 200 answer.</summary>
public sealed record VerifyActivationsDocument(
    [property: JsonPropertyName(VerifyContract.UsedField), Description("Environments on the allow-list.")] int Used,
    [property: JsonPropertyName(VerifyContract.MaxField), Description("Max Activations; 0 is unlimited.")] int Max);
