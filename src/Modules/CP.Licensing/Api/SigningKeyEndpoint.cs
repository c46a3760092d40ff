using System.Text.Json;
using CP.Licensing.Keys;
using CP.Licensing.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Http;

namespace CP.Licensing.Api;

/// <summary>
/// <c>GET /api/v1/licenses/signing-key</c> (docs/verify-api.md, "Signed answers"), public: the
/// store's Ed25519 public key, <c>{"algorithm": "ed25519", "public_key": "&lt;base64, 32 bytes&gt;"}</c>.
/// </summary>
public static class SigningKeyEndpoint
{
    private static readonly JsonEncodedText Algorithm = JsonEncodedText.Encode(VerifyContract.AlgorithmField);
    private static readonly JsonEncodedText PublicKey = JsonEncodedText.Encode(VerifyContract.PublicKeyField);

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(VerifyContract.SigningKeyRoute, (Func<HttpContext, Task>)HandleAsync)
            .WithoutAuthentication()
            .WithSigningKeyApiDescription();

    private static async Task HandleAsync(HttpContext context)
    {
        var key = await context.RequestServices.GetRequiredService<LicensingSettingsCache>().GetResponseSigningKeyAsync(context.RequestAborted);
        var response = context.Response;
        response.ContentType = VerifyContract.ResponseContentType;
        response.Headers.CacheControl = "public, max-age=300";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteString(Algorithm, ResponseSigningKey.AlgorithmName);
        json.WriteString(PublicKey, key.PublicKey);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
