using System.Text.Json;

namespace StoreSite.Licensing.Client.Tests.Fakes;

/// <summary>One request the fake store received.</summary>
public sealed record FakeCall(string Path, string? ContentType, JsonElement Body)
{
    public string Nonce => Body.GetProperty("nonce").GetString()!;

    public IReadOnlyList<string> FieldNames => Body.EnumerateObject().Select(p => p.Name).ToList();

    public string Field(string name) => Body.GetProperty(name).GetString()!;
}
