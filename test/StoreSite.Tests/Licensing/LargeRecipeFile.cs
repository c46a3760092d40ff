using System.Text;
using System.Text.Json;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>
/// A recipe file with a LicensingSettings step (the test secret) and a Licenses step of
/// <c>count</c> entries, written as a stream: entry i has a signed key when i is even (a generated
/// one otherwise), one environment when i % 10 == 0 and is revoked when i % 7 == 0.
/// <c>replace</c> gives the raw JSON of an entry to write instead (a bad entry); <c>cutAt</c>
/// truncates the file after that many bytes. Deleted on dispose.
/// </summary>
internal sealed class LargeRecipeFile : IDisposable
{
    private LargeRecipeFile(string path, IReadOnlyList<string?> keys)
    {
        Path = path;
        Keys = keys;
    }

    public string Path { get; }

    /// <summary>Each entry's key, null where the import generates it.</summary>
    public IReadOnlyList<string?> Keys { get; }

    public long Length => new FileInfo(Path).Length;

    public static LargeRecipeFile Write(int count, Func<int, string?>? replace = null, long? cutAt = null)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"storesite-large-{Guid.NewGuid():N}.recipe.json");
        var keys = new string?[count];
        using (var file = File.Create(path))
        using (var json = new Utf8JsonWriter(file))
        {
            json.WriteStartObject();
            json.WriteString("name", "large");
            json.WriteStartArray("steps");
            json.WriteStartObject();
            json.WriteString("name", "LicensingSettings");
            json.WriteString("signingSecret", TestSecret);
            json.WriteEndObject();
            json.WriteStartObject();
            json.WriteString("name", "Licenses");
            json.WriteStartArray("licenses");
            for (var i = 0; i < count; i++)
            {
                if (replace?.Invoke(i) is { } raw)
                {
                    json.WriteRawValue(raw);
                    continue;
                }

                json.WriteStartObject();
                if (i % 2 == 0)
                {
                    keys[i] = SignedKey();
                    json.WriteString("key", keys[i]);
                }

                json.WriteString("customerEmail", CustomerEmail);
                json.WriteString("product", i % 3 == 0 ? "Gallery Pro" : "Forms Plus");
                if (i % 4 == 0)
                {
                    json.WriteNull("expiry");
                }
                else
                {
                    json.WriteString("expiry", "2099-12-31");
                }

                json.WriteNumber("maxActivations", 5);
                json.WriteString("status", i % 7 == 0 ? "Revoked" : "Active");
                if (i % 10 == 0)
                {
                    json.WriteStartArray("activations");
                    json.WriteStartObject();
                    json.WriteString("domain", $"site-{i}.example.com");
                    json.WriteString("ip", "198.51.100.7");
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteEndObject();
                if (i % 1000 == 0)
                {
                    json.Flush();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (cutAt is { } cut)
        {
            using var file = new FileStream(path, FileMode.Open);
            file.SetLength(cut);
        }

        return new LargeRecipeFile(path, keys);
    }

    /// <summary>The raw JSON of a good entry with <paramref name="key"/>, for <c>replace</c>.</summary>
    public static string Entry(string key) =>
        new StringBuilder("{\"key\":\"").Append(key).Append("\",\"customerEmail\":\"").Append(CustomerEmail).Append("\",\"product\":\"Gallery Pro\",\"maxActivations\":1}").ToString();

    public void Dispose() => File.Delete(Path);
}
