using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using CP.Licensing.Keys;
using CP.Licensing.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CP.Licensing.Api;

/// <summary>
/// Writes a licensing API answer (docs/verify-api.md): the status, <c>application/json; charset=utf-8</c>,
/// <c>Cache-Control: no-store</c>, a Content-Length, and the JSON body written synchronously into a
/// per-thread buffer, then copied into the response pipe. Every body ends with <c>checked_at</c> and,
/// when the request carried a valid nonce, the <c>nonce</c>; then the body's exact bytes are signed
/// (<c>X-License-Signature</c>). Only answers to requests with a nonce pay for the signature.
/// <see cref="WriteAsync(HttpContext, VerifyResult, string?, CancellationToken)"/> writes a Verify
/// answer (also the rate limiter's 429); another endpoint passes its own writer of the body's
/// properties to <see cref="WriteAsync{TAnswer}"/> and writes its failures with <see cref="WriteFailure"/>
/// (the update check writes Verify's properties with <see cref="WriteVerifyBody"/>, then its own).
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
    private static readonly JsonEncodedText Development = JsonEncodedText.Encode(VerifyContract.DevelopmentField);
    private static readonly JsonEncodedText CheckedAt = JsonEncodedText.Encode(VerifyContract.CheckedAtField);
    private static readonly JsonEncodedText Nonce = JsonEncodedText.Encode(VerifyContract.NonceField);
    private static readonly JsonEncodedText LicenseKeyField = JsonEncodedText.Encode(VerifyContract.LicenseKeyField);
    private static readonly JsonEncodedText DomainField = JsonEncodedText.Encode(VerifyContract.DomainField);
    private static readonly JsonEncodedText IpField = JsonEncodedText.Encode(VerifyContract.IpField);
    private static readonly JsonEncodedText ProductRequestField = JsonEncodedText.Encode(VerifyContract.ProductRequestField);
    private static readonly JsonEncodedText NonceField = JsonEncodedText.Encode(VerifyContract.NonceField);
    private static readonly JsonEncodedText VersionField = JsonEncodedText.Encode(VerifyContract.VersionField);

    private static readonly Action<Utf8JsonWriter, VerifyResult> VerifyBody = WriteVerifyBody;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Writes <paramref name="result"/> as the documented Verify JSON body; signed when <paramref name="nonce"/> is given.</summary>
    public static Task WriteAsync(HttpContext context, VerifyResult result, string? nonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WriteAsync(context, result.StatusCode, result, VerifyBody, nonce, cancellationToken);
    }

    /// <summary>
    /// Writes an answer whose properties <paramref name="writeBody"/> writes (a cached delegate, so
    /// nothing is allocated per call), then <c>checked_at</c> and the <paramref name="nonce"/>; signed
    /// when there is a nonce.
    /// </summary>
    public static Task WriteAsync<TAnswer>(HttpContext context, int statusCode, TAnswer answer, Action<Utf8JsonWriter, TAnswer> writeBody, string? nonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writeBody);
        return nonce is null
            ? Write(context, statusCode, answer, writeBody, null, null, cancellationToken)
            : WriteSignedAsync(context, statusCode, answer, writeBody, nonce, cancellationToken);
    }

    /// <summary>The failure properties every licensing API shares: <c>"valid": false, "reason", "code", "errors"?</c>.</summary>
    public static void WriteFailure(Utf8JsonWriter json, VerifyResult result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        json.WriteBoolean(Valid, false);
        json.WriteString(Reason, result.Reason);
        json.WriteString(Code, result.Code);
        if (result.Errors is { } errors)
        {
            json.WriteStartObject(Errors);
            WriteFieldError(json, LicenseKeyField, errors.LicenseKey);
            WriteFieldError(json, DomainField, errors.Domain);
            WriteFieldError(json, IpField, errors.Ip);
            WriteFieldError(json, ProductRequestField, errors.Product);
            WriteFieldError(json, VersionField, errors.Version);
            WriteFieldError(json, NonceField, errors.Nonce);
            json.WriteEndObject();
        }
    }

    /// <summary>The <c>activations</c> object: <c>{"used": n, "max": m}</c>.</summary>
    public static void WriteActivations(Utf8JsonWriter json, int used, int max)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject(Activations);
        json.WriteNumber(Used, used);
        json.WriteNumber(Max, max);
        json.WriteEndObject();
    }

    private static async Task WriteSignedAsync<TAnswer>(HttpContext context, int statusCode, TAnswer answer, Action<Utf8JsonWriter, TAnswer> writeBody, string nonce, CancellationToken cancellationToken)
    {
        var signer = await context.RequestServices.GetRequiredService<LicensingSettingsCache>().GetResponseSigningKeyAsync(cancellationToken);
        await Write(context, statusCode, answer, writeBody, nonce, signer, cancellationToken);
    }

    private static Task Write<TAnswer>(HttpContext context, int statusCode, TAnswer answer, Action<Utf8JsonWriter, TAnswer> writeBody, string? nonce, ResponseSigningKey? signer, CancellationToken cancellationToken)
    {
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
        json.WriteStartObject();
        writeBody(json, answer);
        Span<char> checkedAt = stackalloc char[20];
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        now.TryFormat(checkedAt, out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
        json.WriteString(CheckedAt, checkedAt[..written]);
        if (nonce is not null)
        {
            json.WriteString(Nonce, nonce);
        }

        json.WriteEndObject();
        json.Flush();
        if (signer is not null)
        {
            response.Headers[VerifyContract.SignatureHeader] = signer.SignatureHeader(buffer.WrittenSpan);
        }

        response.ContentLength = buffer.WrittenCount;
        response.BodyWriter.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
        return response.BodyWriter.FlushAsync(cancellationToken).AsTask();
    }

    /// <summary>Verify's body properties: the failure's, or <c>valid</c>, <c>product</c>, <c>expiry</c>, <c>lifetime</c>, <c>activations</c>, <c>development</c>?.</summary>
    public static void WriteVerifyBody(Utf8JsonWriter json, VerifyResult result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsValid)
        {
            WriteFailure(json, result);
            return;
        }

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
        WriteActivations(json, result.ActivationsUsed, result.MaxActivations);
        if (result.Development)
        {
            json.WriteBoolean(Development, true);
        }
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
