using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace StoreSite.Licensing.Client;

/// <summary>
/// Talks to a StoreSite store's licensing API for an installed product: Verify, Deactivate and
/// the update check. Every call sends a fresh nonce; an answer counts only when its
/// <c>X-License-Signature</c> verifies over the exact body bytes with the embedded store key and
/// its body echoes that nonce. The last valid signed answer is cached and served while the store
/// cannot be reached, for the grace period from its <c>checked_at</c>; a store answer "not valid"
/// clears it. One client may serve many calls at once. docs/licensing-client.md describes the use.
/// </summary>
public sealed class LicenseClient : IDisposable
{
    /// <summary>The most bytes read of an answer; a longer one is not the store's.</summary>
    public const int MaxAnswerBytes = 1024 * 1024;

    private const string VerifyPath = "api/v1/licenses/verify";
    private const string DeactivatePath = "api/v1/licenses/deactivate";
    private const string UpdatesPath = "api/v1/licenses/updates";

    /// <summary>How far in the future a cached answer's <c>checked_at</c> may lie (clocks differ a little).</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly Uri storeUrl;
    private readonly string product;
    private readonly StoreSignature signature;
    private readonly TimeSpan gracePeriod;
    private readonly TimeSpan timeout;
    private readonly IAnswerCache? cache;
    private readonly TimeProvider clock;

    /// <summary>
    /// The <c>checked_at</c> of the last "not valid" the store answered this client (ticks; 0 = none):
    /// no cached answer made at or before it is served, even when the cache could not be cleared.
    /// </summary>
    private long refusedAtTicks;

    /// <summary>A client for <paramref name="options"/>; <paramref name="httpClient"/> is used when given (and not disposed by the client), else one is created.</summary>
    /// <exception cref="ArgumentException">An option is missing or wrong; the message names it.</exception>
    public LicenseClient(LicenseClientOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.StoreUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{nameof(LicenseClientOptions)}.{nameof(LicenseClientOptions.StoreUrl)} must be the store's absolute http(s) address.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ProductSlug))
        {
            throw new ArgumentException($"{nameof(LicenseClientOptions)}.{nameof(LicenseClientOptions.ProductSlug)} must be the product's slug.", nameof(options));
        }

        if (options.GracePeriod < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(LicenseClientOptions)}.{nameof(LicenseClientOptions.GracePeriod)} may not be negative.", nameof(options));
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(LicenseClientOptions)}.{nameof(LicenseClientOptions.Timeout)} must be positive.", nameof(options));
        }

        if (options.Cache is not null && options.CacheFilePath is not null)
        {
            throw new ArgumentException($"Give {nameof(LicenseClientOptions)}.{nameof(LicenseClientOptions.Cache)} or {nameof(LicenseClientOptions.CacheFilePath)}, not both.", nameof(options));
        }

        signature = StoreSignature.FromBase64(options.StorePublicKey);
        storeUrl = url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        product = options.ProductSlug.Trim();
        gracePeriod = options.GracePeriod;
        timeout = options.Timeout;
        cache = options.Cache ?? (options.CacheFilePath is { } path ? new FileAnswerCache(path) : null);
        clock = options.TimeProvider ?? TimeProvider.System;
        ownsHttp = httpClient is null;
        http = httpClient ?? new HttpClient();
    }

    /// <summary>
    /// Asks the store whether <paramref name="licenseKey"/> may run at <paramref name="domain"/> /
    /// <paramref name="ip"/> (a new environment uses a slot). While the store cannot be reached,
    /// answers from the cache within the grace period (<see cref="LicenseCheck.FromCache"/>).
    /// </summary>
    public async Task<LicenseCheck> VerifyAsync(string licenseKey, string domain, string ip, CancellationToken cancellationToken = default)
    {
        var reply = await SendAsync(VerifyPath, licenseKey, domain, ip, version: null, cancellationToken).ConfigureAwait(false);
        var (check, _) = await ReadLicenseAnswerAsync(reply, licenseKey, domain, readUpdate: false, cancellationToken).ConfigureAwait(false);
        return check;
    }

    /// <summary>Asks the store to remove this environment from the license's allow-list and free its slot. Never answered from the cache.</summary>
    public async Task<DeactivationResult> DeactivateAsync(string licenseKey, string domain, string ip, CancellationToken cancellationToken = default)
    {
        var reply = await SendAsync(DeactivatePath, licenseKey, domain, ip, version: null, cancellationToken).ConfigureAwait(false);
        switch (reply.Kind)
        {
            case ReplyKind.Unreachable:
                return new DeactivationResult { Status = DeactivationStatus.Unreachable, Code = reply.Code, RetryAfter = reply.RetryAfter };
            case ReplyKind.Untrusted:
                return new DeactivationResult { Status = DeactivationStatus.Untrusted };
        }

        var checkedAt = reply.CheckedAt!.Value;
        if (reply.StatusCode == (int)HttpStatusCode.OK)
        {
            var deactivated = AnswerReader.Deactivated(reply.Root, checkedAt);
            if (deactivated is null)
            {
                return new DeactivationResult { Status = DeactivationStatus.Untrusted };
            }

            // This environment is off the allow-list: the cached answer no longer holds.
            await ForgetCacheAsync(checkedAt, cancellationToken).ConfigureAwait(false);
            return deactivated;
        }

        if (reply.StatusCode is < 400 or >= 500)
        {
            return new DeactivationResult { Status = DeactivationStatus.Untrusted };
        }

        var refusal = AnswerReader.DeactivationRefusal(reply.Root, checkedAt);
        if (IsLicenseRefusal(reply.StatusCode) && refusal.Code != LicenseCodes.DeactivationLimit)
        {
            await ForgetCacheAsync(checkedAt, cancellationToken).ConfigureAwait(false);
        }

        return refusal;
    }

    /// <summary>
    /// Runs Verify's checks (and counting) and asks for the newest release above
    /// <paramref name="currentVersion"/> (SemVer) that the license entitles to. While the store
    /// cannot be reached, the license part answers from the cache and no update is offered.
    /// </summary>
    public async Task<UpdateCheck> CheckForUpdateAsync(string licenseKey, string domain, string ip, string currentVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currentVersion);
        var reply = await SendAsync(UpdatesPath, licenseKey, domain, ip, currentVersion, cancellationToken).ConfigureAwait(false);
        var (check, update) = await ReadLicenseAnswerAsync(reply, licenseKey, domain, readUpdate: true, cancellationToken).ConfigureAwait(false);
        return new UpdateCheck(check, update);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsHttp)
        {
            http.Dispose();
        }
    }

    private async Task<(LicenseCheck Check, AvailableUpdate? Update)> ReadLicenseAnswerAsync(StoreReply reply, string licenseKey, string domain, bool readUpdate, CancellationToken cancellationToken)
    {
        if (reply.Kind == ReplyKind.Answered)
        {
            var checkedAt = reply.CheckedAt!.Value;
            if (reply.StatusCode == (int)HttpStatusCode.OK)
            {
                var valid = AnswerReader.Valid(reply.Root, checkedAt);
                AvailableUpdate? update = null;
                if (valid is not null && (!readUpdate || AnswerReader.TryUpdate(reply.Root, storeUrl, out update)))
                {
                    await SaveCacheAsync(reply.Signed!, cancellationToken).ConfigureAwait(false);
                    return (valid, update);
                }
            }
            else if (IsLicenseRefusal(reply.StatusCode))
            {
                // The store said "not valid": the cached answer must never be served again.
                await ForgetCacheAsync(checkedAt, cancellationToken).ConfigureAwait(false);
                return (AnswerReader.Refusal(LicenseStatus.Invalid, reply.Root, checkedAt), null);
            }
            else if (reply.StatusCode is >= 400 and < 500)
            {
                return (AnswerReader.Refusal(LicenseStatus.Refused, reply.Root, checkedAt), null);
            }

            // Signed, but not a documented answer: as good as none.
            reply = StoreReply.Untrusted;
        }

        var offline = reply.Kind == ReplyKind.Untrusted ? LicenseStatus.Untrusted : LicenseStatus.Unreachable;
        var cached = await LoadCachedAsync(licenseKey, domain, cancellationToken).ConfigureAwait(false);
        if (cached is not null)
        {
            return (cached with { FromCache = true, OfflineCause = offline }, null);
        }

        return (new LicenseCheck { Status = offline, Code = reply.Code, RetryAfter = reply.RetryAfter }, null);
    }

    private static bool IsLicenseRefusal(int statusCode) => statusCode is (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.NotFound;

    /// <summary>Sends one call and checks the answer's signature and nonce; what it means is read by the caller.</summary>
    private async Task<StoreReply> SendAsync(string path, string licenseKey, string domain, string ip, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(licenseKey);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(ip);

        var nonce = Nonce.Create(licenseKey, domain, product);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(storeUrl, path))
        {
            Content = new ByteArrayContent(RequestBody.Write(licenseKey, domain, ip, product, nonce, version)),
        };
        request.Content.Headers.ContentType = Json;

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status == (int)HttpStatusCode.TooManyRequests)
            {
                return StoreReply.Unreachable with { StatusCode = status, Code = LicenseCodes.RateLimited, RetryAfter = RetryAfter(response) };
            }

            if (status >= 500)
            {
                return StoreReply.Unreachable with { StatusCode = status };
            }

            var body = await ReadBodyAsync(response.Content, timeoutSource.Token).ConfigureAwait(false);
            var signatureBytes = response.Headers.TryGetValues(StoreSignature.HeaderName, out var values) && values.Count() == 1
                ? StoreSignature.ParseHeader(values.Single())
                : null;
            if (body is null || signatureBytes is null || !signature.Verifies(body, signatureBytes))
            {
                return StoreReply.Untrusted;
            }

            var root = ParseObject(body);
            var checkedAt = root is { } r ? AnswerReader.CheckedAt(r) : null;
            if (root is null || checkedAt is null || !string.Equals(AnswerReader.Nonce(root.Value), nonce, StringComparison.Ordinal))
            {
                return StoreReply.Untrusted;
            }

            return new StoreReply
            {
                Kind = ReplyKind.Answered,
                StatusCode = status,
                Root = root.Value,
                Signed = new SignedAnswer(body, signatureBytes),
                CheckedAt = checkedAt,
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return StoreReply.Unreachable;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return StoreReply.Unreachable;
        }
    }

    /// <summary>The cached answer as a valid check, when it verifies, was given for this key and domain, and is within the grace period and the license's expiry.</summary>
    private async Task<LicenseCheck?> LoadCachedAsync(string licenseKey, string domain, CancellationToken cancellationToken)
    {
        if (cache is null || gracePeriod == TimeSpan.Zero)
        {
            return null;
        }

        SignedAnswer? answer;
        try
        {
            answer = await cache.LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (answer is null || !signature.Verifies(answer.Body.Span, answer.Signature.Span) || ParseObject(answer.Body.ToArray()) is not { } root)
        {
            return null;
        }

        var nonce = AnswerReader.Nonce(root);
        var checkedAt = AnswerReader.CheckedAt(root);
        if (nonce is null || checkedAt is null || !Nonce.IsBoundTo(nonce, licenseKey, domain, product))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (checkedAt.Value - ClockSkew > now || now - checkedAt.Value > gracePeriod || checkedAt.Value.UtcTicks <= Interlocked.Read(ref refusedAtTicks))
        {
            return null;
        }

        var check = AnswerReader.Valid(root, checkedAt.Value);
        if (check is null || (check.Expiry is { } expiry && DateOnly.FromDateTime(now.UtcDateTime) > expiry))
        {
            return null;
        }

        return check;
    }

    private async Task SaveCacheAsync(SignedAnswer answer, CancellationToken cancellationToken)
    {
        if (cache is null)
        {
            return;
        }

        try
        {
            await cache.SaveAsync(answer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not keeping an answer only costs the offline grace; the answer itself stands.
        }
    }

    private async Task ForgetCacheAsync(DateTimeOffset refusedAt, CancellationToken cancellationToken)
    {
        InterlockedMax(ref refusedAtTicks, refusedAt.UtcTicks);
        if (cache is null)
        {
            return;
        }

        try
        {
            await cache.ClearAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The watermark above still keeps this client from serving the old answer.
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxAnswerBytes)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxAnswerBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static JsonElement? ParseObject(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - clock.GetUtcNow(),
            _ => null,
        };
}
