using System.Net;

namespace StoreSite.Licensing.Client.Tests.Fakes;

/// <summary>What the fake store answers: a status and the JSON fields (the store adds <c>checked_at</c> and the echoed <c>nonce</c>).</summary>
public sealed record FakeAnswer(HttpStatusCode Status, Dictionary<string, object?> Fields)
{
    public static FakeAnswer Valid(int used = 1, int max = 3, string? expiry = "2027-12-31", bool development = false)
    {
        var fields = new Dictionary<string, object?>
        {
            ["valid"] = true,
            ["product"] = "Acme SEO",
            ["expiry"] = expiry,
            ["lifetime"] = expiry is null,
            ["activations"] = new Dictionary<string, object?> { ["used"] = used, ["max"] = max },
        };
        if (development)
        {
            fields["development"] = true;
        }

        return new FakeAnswer(HttpStatusCode.OK, fields);
    }

    public static FakeAnswer Refusal(HttpStatusCode status, string code, string reason) =>
        new(status, new Dictionary<string, object?> { ["valid"] = false, ["reason"] = reason, ["code"] = code });

    public static FakeAnswer Deactivated(int used, int max) =>
        new(HttpStatusCode.OK, new Dictionary<string, object?>
        {
            ["deactivated"] = true,
            ["activations"] = new Dictionary<string, object?> { ["used"] = used, ["max"] = max },
        });

    public FakeAnswer With(string field, object? value)
    {
        var fields = new Dictionary<string, object?>(Fields) { [field] = value };
        return this with { Fields = fields };
    }
}
