// The yardstick of bench/run: the same request, bound by ASP.NET Core's own JSON binding,
// answered with a fixed JSON body of the Verify answer's shape. No database, no middleware.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

app.MapPost("/api/v1/licenses/verify", (VerifyRequest request) =>
    Results.Json(new VerifyAnswer(true, request.Domain ?? "unknown", null, true, new Activations(1, 5))));

await app.RunAsync();

internal sealed record VerifyRequest(
    [property: System.Text.Json.Serialization.JsonPropertyName("license_key")] string? LicenseKey,
    [property: System.Text.Json.Serialization.JsonPropertyName("domain")] string? Domain,
    [property: System.Text.Json.Serialization.JsonPropertyName("ip")] string? Ip);

internal sealed record VerifyAnswer(bool Valid, string Product, string? Expiry, bool Lifetime, Activations Activations);

internal sealed record Activations(int Used, int Max);
