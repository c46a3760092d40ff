using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Unicode;
using CP.Licensing.Lifecycle;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Http;

namespace CP.Licensing.Api;

/// <summary>
/// <c>POST /api/v1/licenses/verify</c> (docs/verify-api.md), the only anonymous POST: JSON in, JSON
/// out, checks in the documented order. The rate limit (429) runs before this handler. Here, top to
/// bottom: content type (415) -> body size (413) -> JSON object (400) -> fields (422) -> the
/// <see cref="LicenseVerifier"/>'s checks (403/404/200) -> answer.
/// </summary>
public static class VerifyEndpoint
{
    public const string Route = "/api/v1/licenses/verify";

    public const int MaxBodyBytes = 8 * 1024;

    public const string LicenseKeyRequired = "license_key is required.";
    public const string LicenseKeyNotString = "license_key must be a string.";
    public const string DomainRequired = "domain is required.";
    public const string DomainNotString = "domain must be a string.";
    public const string DomainInvalid = "domain must be a host name, host:port or URL.";
    public const string IpRequired = "ip is required.";
    public const string IpNotString = "ip must be a string.";
    public const string IpInvalid = "ip must be an IPv4 or IPv6 address.";

    private static readonly JsonEncodedText Valid = JsonEncodedText.Encode("valid");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText Errors = JsonEncodedText.Encode("errors");
    private static readonly JsonEncodedText Product = JsonEncodedText.Encode("product");
    private static readonly JsonEncodedText Expiry = JsonEncodedText.Encode("expiry");
    private static readonly JsonEncodedText Lifetime = JsonEncodedText.Encode("lifetime");
    private static readonly JsonEncodedText Activations = JsonEncodedText.Encode("activations");
    private static readonly JsonEncodedText Used = JsonEncodedText.Encode("used");
    private static readonly JsonEncodedText Max = JsonEncodedText.Encode("max");
    private static readonly JsonEncodedText LicenseKeyField = JsonEncodedText.Encode("license_key");
    private static readonly JsonEncodedText DomainField = JsonEncodedText.Encode("domain");
    private static readonly JsonEncodedText IpField = JsonEncodedText.Encode("ip");
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32 };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    // A Func rather than a RequestDelegate, so that the endpoint carries its method and is described in OpenAPI.
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, (Func<HttpContext, Task>)HandleAsync)
            .RequireRateLimiting(VerifyRateLimitPolicy.Name)
            .DisableAntiforgery()
            .WithoutAuthentication()
            .WithVerifyApiDescription();

    private static async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var aborted = context.RequestAborted;
        VerifyResult result;
        try
        {
            result = await DecideAsync(context, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return;
        }

        context.RequestServices.GetRequiredService<LicensingMetrics>().Answered(result.Code, started);
        await WriteAsync(context, result, aborted);
    }

    private static async Task<VerifyResult> DecideAsync(HttpContext context, CancellationToken cancellationToken)
    {
        // 415: JSON only.
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            return VerifyResult.UnsupportedMediaType;
        }

        // 413: at most 8 KiB, read before anything is parsed.
        if (request.ContentLength > MaxBodyBytes)
        {
            return VerifyResult.TooLarge;
        }

        var body = request.BodyReader;
        ReadResult read;
        try
        {
            while (true)
            {
                read = await body.ReadAsync(cancellationToken);
                if (read.Buffer.Length > MaxBodyBytes)
                {
                    body.AdvanceTo(read.Buffer.End);
                    return VerifyResult.TooLarge;
                }

                if (read.IsCompleted)
                {
                    break;
                }

                body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (BadHttpRequestException ex)
        {
            return ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? VerifyResult.TooLarge : VerifyResult.BadRequest;
        }

        // 400 / 422: a JSON object whose three fields are valid strings.
        var problem = ReadRequest(read.Buffer, out var licenseKey, out var domain, out var ip);
        body.AdvanceTo(read.Buffer.End);
        if (problem is not null)
        {
            return problem;
        }

        // 403 / 404 / 200: the key, the license, its status and the environment. The environment's
        // IP is the connection's address (after trusted forwarded headers), not the "ip" field.
        var verifier = context.RequestServices.GetRequiredService<LicenseVerifier>();
        var connectionIp = EnvironmentName.Canonical(ClientAddress.Address(context));
        return await verifier.VerifyAsync(licenseKey!, domain!, connectionIp, cancellationToken);
    }

    /// <summary>Null when the body is a valid request; else the 400 or 422 answer.</summary>
    private static VerifyResult? ReadRequest(in ReadOnlySequence<byte> body, out string? licenseKey, out string? domain, out string? ip)
    {
        licenseKey = domain = ip = null;
        bool keyNotString = false, domainNotString = false, ipNotString = false;

        // JSON is UTF-8: a body that is not (even in a property name or a skipped value, which the
        // reader does not decode) is malformed, not a request with missing fields.
        if (!IsUtf8(body))
        {
            return VerifyResult.BadRequest;
        }

        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return VerifyResult.BadRequest;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("license_key"u8))
                {
                    ReadString(ref reader, out licenseKey, out keyNotString);
                }
                else if (reader.ValueTextEquals("domain"u8))
                {
                    ReadString(ref reader, out domain, out domainNotString);
                }
                else if (reader.ValueTextEquals("ip"u8))
                {
                    ReadString(ref reader, out ip, out ipNotString);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // Nothing but white space may follow the object (the reader throws otherwise).
            while (reader.Read())
            {
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return VerifyResult.BadRequest;
        }

        var normalizedDomain = domainNotString || string.IsNullOrWhiteSpace(domain) ? null : EnvironmentName.NormalizeDomain(domain);
        var errors = new VerifyValidationErrors
        {
            LicenseKey = keyNotString ? LicenseKeyNotString
                : string.IsNullOrWhiteSpace(licenseKey) ? LicenseKeyRequired
                : null,
            Domain = domainNotString ? DomainNotString
                : string.IsNullOrWhiteSpace(domain) ? DomainRequired
                : normalizedDomain is null ? DomainInvalid
                : null,
            Ip = ipNotString ? IpNotString
                : string.IsNullOrWhiteSpace(ip) ? IpRequired
                : EnvironmentName.ParseIp(ip) is null ? IpInvalid
                : null,
        };
        domain = normalizedDomain;
        return errors.Any ? VerifyResult.ValidationFailed(errors) : null;
    }

    private static bool IsUtf8(in ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return Utf8.IsValid(body.FirstSpan);
        }

        var length = (int)body.Length;
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(copy);
            return Utf8.IsValid(copy.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static void ReadString(ref Utf8JsonReader reader, out string? value, out bool notString)
    {
        reader.Read();
        value = null;
        notString = false;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = reader.GetString();
                break;
            case JsonTokenType.Null:
                break;
            default:
                notString = true;
                reader.Skip();
                break;
        }
    }

    /// <summary><c>application/json</c>, optionally with <c>charset=utf-8</c>.</summary>
    private static bool IsJson(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var value = contentType.AsSpan();
        var semicolon = value.IndexOf(';');
        var mediaType = (semicolon < 0 ? value : value[..semicolon]).Trim();
        if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (semicolon < 0)
        {
            return true;
        }

        var parameters = value[(semicolon + 1)..];
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            if (parameter.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                var charset = parameter["charset=".Length..].Trim().Trim('"');
                if (!charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Writes <paramref name="result"/> as the documented JSON body (also used by the rate limiter).</summary>
    public static Task WriteAsync(HttpContext context, VerifyResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var response = context.Response;
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        response.StatusCode = result.StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";

        // Written synchronously into this thread's buffer, then copied into the response pipe.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        var json = t_writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        WriteBody(json, result);
        json.Flush();
        response.ContentLength = buffer.WrittenCount;
        response.BodyWriter.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
        return response.BodyWriter.FlushAsync(cancellationToken).AsTask();
    }

    private static void WriteBody(Utf8JsonWriter json, VerifyResult result)
    {
        json.WriteStartObject();
        json.WriteBoolean(Valid, result.IsValid);
        if (result.IsValid)
        {
            json.WriteString(Product, result.Product);
            if (result.ExpiresOn is { } expiry)
            {
                Span<char> date = stackalloc char[10];
                expiry.TryFormat(date, out _, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                json.WriteString(Expiry, date);
            }
            else
            {
                json.WriteNull(Expiry);
            }

            json.WriteBoolean(Lifetime, result.ExpiresOn is null);
            json.WriteStartObject(Activations);
            json.WriteNumber(Used, result.ActivationsUsed);
            json.WriteNumber(Max, result.MaxActivations);
            json.WriteEndObject();
        }
        else
        {
            json.WriteString(Reason, result.Reason);
            json.WriteString(Code, result.Code);
            if (result.Errors is { } errors)
            {
                json.WriteStartObject(Errors);
                WriteFieldError(json, LicenseKeyField, errors.LicenseKey);
                WriteFieldError(json, DomainField, errors.Domain);
                WriteFieldError(json, IpField, errors.Ip);
                json.WriteEndObject();
            }
        }

        json.WriteEndObject();
    }

    private static void WriteFieldError(Utf8JsonWriter json, JsonEncodedText field, string? message)
    {
        if (message is null)
        {
            return;
        }

        json.WriteStartArray(field);
        json.WriteStringValue(message);
        json.WriteEndArray();
    }
}
