using CP.Payments.Stripe.Settings;
using Microsoft.Extensions.Logging;
using Stripe;
using StoreSite;

namespace CP.Payments.Stripe.Services;

/// <summary>
/// Refunds through Stripe's Refund API (<c>POST /v1/refunds</c> with the payment intent and the amount
/// in minor units). The idempotency key is the order's and the refunded lines': refunding the same
/// lines again, or a retried call, moves no money twice; a refund of other lines is a new refund.
/// </summary>
public sealed partial class StripeRefunds(StripeSettingsStore settings, StripeClients clients, ILogger<StripeRefunds> logger)
{
    /// <summary>The metadata key that names the refunded lines (<c>1,3</c>) of a line refund.</summary>
    public const string LinesKey = "refund_lines";

    public static string IdempotencyKey(string orderNumber, IReadOnlyList<int>? lineNumbers = null) =>
        lineNumbers is null ? $"refund-{orderNumber}" : $"refund-{orderNumber}-lines-{string.Join('-', lineNumbers)}";

    /// <summary>The refund's id (<c>re_…</c>), or Stripe's refusal.</summary>
    public async Task<Outcome<string>> RefundAsync(string orderNumber, string paymentIntentId, decimal amount, string currency, IReadOnlyList<int>? lineNumbers, CancellationToken cancellationToken)
    {
        var keys = await settings.GetKeysAsync(cancellationToken);
        if (keys.SecretKey is null)
        {
            return Outcome<string>.Refused(StripeProblems.NotConfigured);
        }

        var metadata = new Dictionary<string, string> { [StripeCheckoutSessionRequest.OrderNumberKey] = orderNumber };
        if (lineNumbers is not null)
        {
            metadata[LinesKey] = string.Join(',', lineNumbers);
        }

        try
        {
            var refund = await new RefundService(clients.Create(keys.SecretKey)).CreateAsync(
                new RefundCreateOptions
                {
                    PaymentIntent = paymentIntentId,
                    Amount = StripeAmounts.ToMinorUnits(amount, currency),
                    Metadata = metadata,
                },
                new RequestOptions { IdempotencyKey = IdempotencyKey(orderNumber, lineNumbers) },
                cancellationToken);
            return Outcome<string>.Done(refund.Id);
        }
        catch (Exception ex) when (StripeErrors.IsStripeFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            LogRefundFailed(ex, orderNumber);
            return Outcome<string>.Refused(StripeErrors.Problem(ex), detail: StripeErrors.Describe(ex));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe did not refund order {OrderNumber}")]
    private partial void LogRefundFailed(Exception exception, string orderNumber);
}
