using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace StoreSite.Licensing.Client.Tests.Fakes;

/// <summary>
/// A store in an <see cref="HttpMessageHandler"/>: answers the licensing API with a key pair made
/// for the test, exactly as the API signs: <c>X-License-Signature: ed25519=&lt;base64&gt;</c> over the
/// exact body bytes, the request's nonce echoed, <c>checked_at</c> from the test's clock.
/// </summary>
public sealed class FakeStore : HttpMessageHandler
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly Key key = Key.Create(Ed25519);
    private readonly Key otherKey = Key.Create(Ed25519);
    private readonly FakeTimeProvider time;
    private string? previousNonce;

    public FakeStore(FakeTimeProvider time) => this.time = time;

    /// <summary>The public key, base64, as Admin -> Settings shows it.</summary>
    public string PublicKey => Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>Another key's public half (what a product embedding the wrong key holds).</summary>
    public string OtherPublicKey => Convert.ToBase64String(otherKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public List<FakeCall> Calls { get; } = [];

    /// <summary>The answer to the next calls.</summary>
    public FakeAnswer Answer { get; set; } = FakeAnswer.Valid();

    public Tampering Tampering { get; set; }

    /// <summary>When set, the store is out of reach: the call fails with this exception.</summary>
    public Exception? Failure { get; set; }

    /// <summary>When set, an unsigned plain answer with this status (a proxy's 502, the rate limiter's 429...).</summary>
    public HttpStatusCode? PlainStatus { get; set; }

    /// <summary>When true, the store never answers (the client's timeout ends the call).</summary>
    public bool Hangs { get; set; }

    /// <summary>When set, the body of <c>GET /api/v1/licenses/signing-key</c> in place of the real one.</summary>
    public string? SigningKeyAnswer { get; set; }

    public static string CheckedAt(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith("/api/v1/licenses/signing-key", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(SigningKeyAnswer ?? $"{{\"algorithm\":\"ed25519\",\"public_key\":\"{PublicKey}\"}}", Encoding.UTF8, "application/json"),
            };
        }

        var requestBody = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        using var document = JsonDocument.Parse(requestBody);
        var call = new FakeCall(request.RequestUri!.AbsolutePath, request.Content.Headers.ContentType?.MediaType, document.RootElement.Clone());
        Calls.Add(call);

        if (Failure is not null)
        {
            throw Failure;
        }

        if (Hangs)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (PlainStatus is { } plain)
        {
            var response = new HttpResponseMessage(plain) { Content = new StringContent("<html>Bad gateway</html>", Encoding.UTF8, "text/html") };
            if (plain == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            }

            return response;
        }

        var fields = new Dictionary<string, object?>(Answer.Fields);
        if (!fields.TryAdd("checked_at", CheckedAt(time.GetUtcNow())) && fields["checked_at"] is null)
        {
            fields.Remove("checked_at");
        }

        var nonce = Tampering == Tampering.NonceOfAnotherCall ? previousNonce ?? "an-old-nonce" : call.Nonce;
        if (Tampering != Tampering.NonceLeftOut)
        {
            fields["nonce"] = nonce;
        }

        previousNonce = call.Nonce;
        var body = JsonSerializer.SerializeToUtf8Bytes(fields);
        var signature = Tampering switch
        {
            Tampering.SignedWithAnotherKey => Ed25519.Sign(otherKey, body),
            Tampering.SignatureOfOtherBytes => Ed25519.Sign(key, Encoding.UTF8.GetBytes("{\"valid\":true}")),
            _ => Ed25519.Sign(key, body),
        };
        if (Tampering == Tampering.BodyAlteredAfterSigning)
        {
            var text = Encoding.UTF8.GetString(body);
            var altered = text.Replace("\"max\":3", "\"max\":30", StringComparison.Ordinal).Replace("\"valid\":false", "\"valid\":true", StringComparison.Ordinal);
            body = altered != text ? Encoding.UTF8.GetBytes(altered) : throw new InvalidOperationException("The fake store found nothing to alter in " + text);
        }

        var answer = new HttpResponseMessage(Answer.Status) { Content = new ByteArrayContent(body) };
        answer.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        switch (Tampering)
        {
            case Tampering.NoSignatureHeader:
                break;
            case Tampering.SignatureNotEd25519:
                answer.Headers.Add("X-License-Signature", "hmac-sha256=" + Convert.ToBase64String(signature));
                break;
            case Tampering.TwoSignatureHeaders:
                answer.Headers.Add("X-License-Signature", "ed25519=" + Convert.ToBase64String(Ed25519.Sign(otherKey, body)));
                answer.Headers.Add("X-License-Signature", "ed25519=" + Convert.ToBase64String(signature));
                break;
            default:
                answer.Headers.Add("X-License-Signature", "ed25519=" + Convert.ToBase64String(signature));
                break;
        }

        return answer;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            key.Dispose();
            otherKey.Dispose();
        }

        base.Dispose(disposing);
    }
}
