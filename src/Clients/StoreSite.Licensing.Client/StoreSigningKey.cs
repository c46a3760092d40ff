using System.Text.Json;

namespace StoreSite.Licensing.Client;

/// <summary>
/// Reads a store's public signing key from <c>GET /api/v1/licenses/signing-key</c>. Meant for
/// setting up a product (a build step or a developer tool), so that you can embed the key: a
/// product that fetched the key at run time would trust whoever answered that request.
/// </summary>
public static class StoreSigningKey
{
    private const string Path = "api/v1/licenses/signing-key";

    /// <summary>The store's Ed25519 public key, base64 of 32 bytes, as <see cref="LicenseClientOptions.StorePublicKey"/> takes it.</summary>
    /// <exception cref="InvalidOperationException">The store answered something else than <c>{"algorithm": "ed25519", "public_key": "&lt;base64, 32 bytes&gt;"}</c>.</exception>
    public static async Task<string> FetchAsync(HttpClient http, Uri storeUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(storeUrl);
        var baseUrl = storeUrl.AbsoluteUri.EndsWith('/') ? storeUrl : new Uri(storeUrl.AbsoluteUri + "/");
        using var response = await http.GetAsync(new Uri(baseUrl, Path), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        string? key = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("algorithm", out var algorithm) && algorithm.ValueKind == JsonValueKind.String
                && string.Equals(algorithm.GetString(), "ed25519", StringComparison.OrdinalIgnoreCase)
                && root.TryGetProperty("public_key", out var publicKey) && publicKey.ValueKind == JsonValueKind.String)
            {
                key = publicKey.GetString();
            }
        }
        catch (JsonException)
        {
        }

        try
        {
            StoreSignature.FromBase64(key);
        }
        catch (ArgumentException)
        {
            key = null;
        }

        return key ?? throw new InvalidOperationException($"{baseUrl}{Path} did not answer an Ed25519 public key of 32 bytes.");
    }
}
