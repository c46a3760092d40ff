using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using CP.Licensing.Lifecycle;
using Microsoft.AspNetCore.Http;
using StoreSite.Versions;

namespace CP.Licensing.Api;

/// <summary>
/// Reads a licensing API request in the documented order (docs/verify-api.md): content type (415),
/// at most 8 KiB (413), UTF-8 and a JSON object (400), then the fields (422). Verify reads
/// <c>license_key</c>, <c>domain</c>, <c>ip</c> and the optional <c>product</c> and <c>nonce</c>
/// (<see cref="ReadLicenseRequest"/>), and so does Deactivate; the update check reads the same and
/// <c>version</c>, with <c>product</c> and <c>version</c> required (<see cref="ReadUpdateRequest"/>); another
/// endpoint reads its body with <see cref="ReadBodyAsync"/> and its fields with <see cref="ReadString"/>.
/// No reflection and nothing allocated but the field strings.
/// </summary>
public static class ApiRequestReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32 };
    private static readonly byte[] LicenseKeyName = Encoding.UTF8.GetBytes(VerifyContract.LicenseKeyField);
    private static readonly byte[] DomainName = Encoding.UTF8.GetBytes(VerifyContract.DomainField);
    private static readonly byte[] IpName = Encoding.UTF8.GetBytes(VerifyContract.IpField);
    private static readonly byte[] ProductName = Encoding.UTF8.GetBytes(VerifyContract.ProductRequestField);
    private static readonly byte[] NonceName = Encoding.UTF8.GetBytes(VerifyContract.NonceField);
    private static readonly byte[] VersionName = Encoding.UTF8.GetBytes(VerifyContract.VersionField);
    private static readonly SearchValues<char> NonceCharacters = SearchValues.Create(VerifyContract.NonceCharacters);
    private static readonly SearchValues<char> SlugCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    /// <summary>The whole body, or 415 (not JSON), 413 (over 8 KiB, read before anything is parsed) or 400.</summary>
    public static async ValueTask<ApiRequestBody> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            return ApiRequestBody.Refused(VerifyResult.UnsupportedMediaType);
        }

        if (request.ContentLength > VerifyContract.MaxBodyBytes)
        {
            return ApiRequestBody.Refused(VerifyResult.TooLarge);
        }

        var body = request.BodyReader;
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(cancellationToken);
                if (read.Buffer.Length > VerifyContract.MaxBodyBytes)
                {
                    body.AdvanceTo(read.Buffer.End);
                    return ApiRequestBody.Refused(VerifyResult.TooLarge);
                }

                if (read.IsCompleted)
                {
                    // JSON is UTF-8: a body that is not (even in a property name or a skipped value,
                    // which the JSON reader does not decode) is malformed, not a request with missing fields.
                    if (!IsUtf8(read.Buffer))
                    {
                        body.AdvanceTo(read.Buffer.End);
                        return ApiRequestBody.Refused(VerifyResult.BadRequest);
                    }

                    return ApiRequestBody.Read(body, read.Buffer);
                }

                body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (BadHttpRequestException ex)
        {
            return ApiRequestBody.Refused(ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? VerifyResult.TooLarge : VerifyResult.BadRequest);
        }
    }

    /// <summary>
    /// A JSON object whose <c>license_key</c>, <c>domain</c> and <c>ip</c> are valid strings (the
    /// domain normalized), or 400 / 422; other properties are skipped. Completes <paramref name="body"/>.
    /// </summary>
    public static LicenseApiRequest ReadLicenseRequest(in ApiRequestBody body) => Read(body, update: false);

    /// <summary>
    /// The update check's request: Verify's fields with <c>product</c> required, and <c>version</c>
    /// (required, SemVer 2.0) in <see cref="LicenseApiRequest.Version"/>. Completes <paramref name="body"/>.
    /// </summary>
    public static LicenseApiRequest ReadUpdateRequest(in ApiRequestBody body) => Read(body, update: true);

    private static LicenseApiRequest Read(in ApiRequestBody body, bool update)
    {
        if (body.Problem is { } refused)
        {
            return LicenseApiRequest.Refused(refused);
        }

        try
        {
            return ParseLicenseRequest(body.Buffer, update);
        }
        finally
        {
            body.Complete();
        }
    }

    /// <summary>Reads the value after a property name: a string, null, or another type (<paramref name="notString"/>, skipped).</summary>
    public static void ReadString(ref Utf8JsonReader reader, out string? value, out bool notString)
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

    private static LicenseApiRequest ParseLicenseRequest(in ReadOnlySequence<byte> body, bool update)
    {
        string? licenseKey = null, domain = null, ip = null, product = null, nonce = null, versionText = null;
        bool keyNotString = false, domainNotString = false, ipNotString = false, productNotString = false, nonceNotString = false, versionNotString = false;
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return LicenseApiRequest.Refused(VerifyResult.BadRequest);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(LicenseKeyName))
                {
                    ReadString(ref reader, out licenseKey, out keyNotString);
                }
                else if (reader.ValueTextEquals(DomainName))
                {
                    ReadString(ref reader, out domain, out domainNotString);
                }
                else if (reader.ValueTextEquals(IpName))
                {
                    ReadString(ref reader, out ip, out ipNotString);
                }
                else if (reader.ValueTextEquals(ProductName))
                {
                    ReadString(ref reader, out product, out productNotString);
                }
                else if (reader.ValueTextEquals(NonceName))
                {
                    ReadString(ref reader, out nonce, out nonceNotString);
                }
                else if (update && reader.ValueTextEquals(VersionName))
                {
                    ReadString(ref reader, out versionText, out versionNotString);
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
            return LicenseApiRequest.Refused(VerifyResult.BadRequest);
        }

        var normalizedDomain = domainNotString || string.IsNullOrWhiteSpace(domain) ? null : EnvironmentName.NormalizeDomain(domain);
        var licenseKeyError = keyNotString ? VerifyContract.LicenseKeyNotString
            : string.IsNullOrWhiteSpace(licenseKey) ? VerifyContract.LicenseKeyRequired
            : null;
        var domainError = domainNotString ? VerifyContract.DomainNotString
            : string.IsNullOrWhiteSpace(domain) ? VerifyContract.DomainRequired
            : normalizedDomain is null ? VerifyContract.DomainInvalid
            : null;
        var ipError = ipNotString ? VerifyContract.IpNotString
            : string.IsNullOrWhiteSpace(ip) ? VerifyContract.IpRequired
            : EnvironmentName.ParseIp(ip) is null ? VerifyContract.IpInvalid
            : null;
        var productError = productNotString ? VerifyContract.ProductNotString
            : product is null ? (update ? VerifyContract.ProductRequired : null)
            : !IsSlug(product) ? VerifyContract.ProductInvalid
            : null;
        SemanticVersion? version = null;
        var versionError = !update ? null
            : versionNotString ? VerifyContract.VersionNotString
            : string.IsNullOrWhiteSpace(versionText) ? VerifyContract.VersionRequired
            : !SemanticVersion.TryParse(versionText, out version) ? VerifyContract.VersionInvalid
            : null;
        var nonceError = nonceNotString ? VerifyContract.NonceNotString
            : nonce is not null && !IsNonce(nonce) ? VerifyContract.NonceInvalid
            : null;
        var validNonce = nonceError is null ? nonce : null;
        if (licenseKeyError is not null || domainError is not null || ipError is not null || productError is not null || versionError is not null || nonceError is not null)
        {
            var errors = new VerifyValidationErrors { LicenseKey = licenseKeyError, Domain = domainError, Ip = ipError, Product = productError, Version = versionError, Nonce = nonceError };
            return LicenseApiRequest.Refused(VerifyResult.ValidationFailed(errors), validNonce);
        }

        return new LicenseApiRequest(null, licenseKey!, normalizedDomain!, ip!, product, validNonce, version);
    }

    /// <summary>1 to 128 characters of <c>A-Z a-z 0-9 . _ ~ + / = -</c>.</summary>
    public static bool IsNonce(string nonce) =>
        nonce.Length is > 0 and <= VerifyContract.MaxNonceLength && !nonce.AsSpan().ContainsAnyExcept(NonceCharacters);

    /// <summary>A product slug: 1 to 100 characters of a-z, 0-9 and hyphens.</summary>
    public static bool IsSlug(string product) =>
        product.Length is > 0 and <= VerifyContract.MaxProductLength && !product.AsSpan().ContainsAnyExcept(SlugCharacters);

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
        if (!mediaType.Equals(VerifyContract.ContentType, StringComparison.OrdinalIgnoreCase))
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
}
