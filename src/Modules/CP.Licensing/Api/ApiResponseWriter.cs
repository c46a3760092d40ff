using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace CP.Licensing.Api;

/// <summary>
/// Writes a licensing API answer (docs/verify-api.md): the status, <c>application/json; charset=utf-8</c>,
/// <c>Cache-Control: no-store</c>, a Content-Length, and the JSON body written synchronously into a
/// per-thread buffer, then copied into the response pipe. <see cref="WriteAsync(HttpContext, VerifyResult, CancellationToken)"/>
/// writes a Verify answer (also the rate limiter's 429); another endpoint passes its own body writer
/// to <see cref="WriteAsync{TAnswer}"/> and writes its failures with <see cref="WriteFailure"/>.
/// </summary>
public static class ApiResponseWriter
{
    private static readonly JsonEncodedText Valid = JsonEncodedText.Encode(VerifyContract.ValidField);
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode(VerifyContract.ReasonField);
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode(VerifyContract.CodeField);
    private static readonly JsonEncodedText Errors = JsonEncodedText.Encode(VerifyContract.ErrorsField);
    private static readonly JsonEncodedText Product = JsonEncodedText.Encode(VerifyContract.ProductField);
    private static readonly JsonEncodedText Expiry = JsonEncodedText.Encode(VerifyContract.ExpiryField);
    private static readonly JsonEncodedText Lifetime = JsonEncodedText.Encode(VerifyContract.LifetimeField);
    private static readonly JsonEncodedText Activations = JsonEncodedText.Encode(VerifyContract.ActivationsField);
    private static readonly JsonEncodedText Used = JsonEncodedText.Encode(VerifyContract.UsedField);
    private static readonly JsonEncodedText Max = JsonEncodedText.Encode(VerifyContract.MaxField);
    private static readonly JsonEncodedText LicenseKeyField = JsonEncodedText.Encode(VerifyContract.LicenseKeyField);
    private static readonly JsonEncodedText DomainField = JsonEncodedText.Encode(VerifyContract.DomainField);
    private static readonly JsonEncodedText IpField = JsonEncodedText.Encode(VerifyContract.IpField);

    private static readonly Action<Utf8JsonWriter, VerifyResult> VerifyBody = WriteVerifyBody;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Writes <paramref name="result"/> as the documented Verify JSON body.</summary>
    public static Task WriteAsync(HttpContext context, VerifyResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WriteAsync(context, result.StatusCode, result, VerifyBody, cancellationToken);
    }

    /// <summary>Writes <paramref name="answer"/> with <paramref name="writeBody"/> (a cached delegate, so nothing is allocated per call).</summary>
    public static Task WriteAsync<TAnswer>(HttpContext context, int statusCode, TAnswer answer, Action<Utf8JsonWriter, TAnswer> writeBody, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writeBody);
        var response = context.Response;
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        response.StatusCode = statusCode;
        response.ContentType = VerifyContract.ResponseContentType;
        response.Headers.CacheControl = "no-store";

        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        var json = t_writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        writeBody(json, answer);
        json.Flush();
        response.ContentLength = buffer.WrittenCount;
        response.BodyWriter.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
        return response.BodyWriter.FlushAsync(cancellationToken).AsTask();
    }

    /// <summary>The failure body every licensing API shares: <c>{"valid": false, "reason", "code", "errors"?}</c>.</summary>
    public static void WriteFailure(Utf8JsonWriter json, VerifyResult result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        json.WriteStartObject();
        json.WriteBoolean(Valid, false);
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

        json.WriteEndObject();
    }

    private static void WriteVerifyBody(Utf8JsonWriter json, VerifyResult result)
    {
        if (!result.IsValid)
        {
            WriteFailure(json, result);
            return;
        }

        json.WriteStartObject();
        json.WriteBoolean(Valid, true);
        json.WriteString(Product, result.Product);
        if (result.ExpiresOn is { } expiry)
        {
            Span<char> date = stackalloc char[10];
            expiry.TryFormat(date, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
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
