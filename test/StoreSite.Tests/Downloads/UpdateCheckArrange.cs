using System.Text;
using System.Text.Json;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Downloads;

/// <summary>Calls to the update check API (<c>POST /api/v1/licenses/updates</c>).</summary>
internal static class UpdateCheckArrange
{
    public const string UpdatesUrl = "/api/v1/licenses/updates";

    /// <summary>An update check for <paramref name="key"/> of <paramref name="product"/> running <paramref name="version"/>.</summary>
    public static Task<HttpResponseMessage> CheckAsync(
        HttpClient client, string key, string? version, string? product = Store.SiteBuilder, string domain = "shop.example.com", string? nonce = null, string? from = null)
    {
        var body = new Dictionary<string, string?> { ["license_key"] = key, ["domain"] = domain, ["ip"] = "203.0.113.10" };
        if (product is not null)
        {
            body["product"] = product;
        }

        if (version is not null)
        {
            body["version"] = version;
        }

        if (nonce is not null)
        {
            body["nonce"] = nonce;
        }

        return PostUpdateAsync(client, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body)), from: from);
    }

    /// <summary>POSTs a raw body to the update check.</summary>
    public static Task<HttpResponseMessage> PostUpdateAsync(HttpClient client, byte[] body, string? contentType = "application/json", string? from = null) =>
        LicensingArrange.PostToAsync(client, UpdatesUrl, body, contentType, from);
}
