using Microsoft.Extensions.Options;
using Stripe;

namespace CP.Payments.Stripe.Services;

/// <summary>
/// Makes Stripe.net clients for a secret key, talking to <see cref="StripeOptions.ApiBase"/>
/// (Stripe's API, or a stand-in in tests). One HTTP connection pool for the site (singleton).
/// </summary>
public sealed class StripeClients(IOptions<StripeOptions> options) : IDisposable
{
    /// <summary>How long a call to Stripe may take before the store gives up on it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new() { Timeout = Timeout };

    public StripeClient Create(string secretKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretKey);
        return new StripeClient(new StripeClientOptions
        {
            ApiKey = secretKey,
            ApiBase = options.Value.ApiBase.TrimEnd('/'),
            // One retry on a network failure or a 5xx; every call that moves money carries an idempotency key.
            HttpClient = new SystemNetHttpClient(_http, maxNetworkRetries: 1, appInfo: null, enableTelemetry: false),
        });
    }

    public void Dispose() => _http.Dispose();
}
