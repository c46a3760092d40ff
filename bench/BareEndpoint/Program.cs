// The yardstick of bench/run: the same request, bound by ASP.NET Core's own JSON binding,
// answered with a fixed JSON body of the Verify answer's shape. No database, no middleware.
// With BENCH_STATIC_DIR set it also serves that folder's files at /static/{name} with ASP.NET
// Core's static file middleware (Range and ETag included): the yardstick of bench/downloads.
using Microsoft.Extensions.FileProviders;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

if (Environment.GetEnvironmentVariable("BENCH_STATIC_DIR") is { Length: > 0 } folder)
{
    app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder)),
        RequestPath = "/static",
        ServeUnknownFileTypes = true,
    });
}

app.MapPost("/api/v1/licenses/verify", (VerifyRequest request) =>
    Results.Json(new VerifyAnswer(true, request.Domain ?? "unknown", null, true, new Activations(1, 5))));

await app.RunAsync();

internal sealed record VerifyRequest(
    [property: System.Text.Json.Serialization.JsonPropertyName("license_key")] string? LicenseKey,
    [property: System.Text.Json.Serialization.JsonPropertyName("domain")] string? Domain,
    [property: System.Text.Json.Serialization.JsonPropertyName("ip")] string? Ip);

internal sealed record VerifyAnswer(bool Valid, string Product, string? Expiry, bool Lifetime, Activations Activations);

internal sealed record Activations(int Used, int Max);
