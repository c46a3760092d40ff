using CP.Payments.Stripe.Settings;
using Microsoft.Extensions.Logging;
using Stripe;
using StoreSite;

namespace CP.Payments.Stripe.Services;

/// <summary>
/// Refunds through Stripe's Refund API (<c>POST /v1/refunds</c> with the payment intent and the amount
/// in minor units). The idempotency key is the order's: refunding an order again, or a retried call,
/// moves no money twice.
/// </summary>
public sealed partial class StripeRefunds(StripeSettingsStore settings, StripeClients clients, ILogger<StripeRefunds> logger)
{
    public static string IdempotencyKey(string orderNumber) => $"refund-{orderNumber}";

    /// <summary>The refund's id (<c>re_…</c>), or Stripe's refusal.</summary>
    public async Task<Outcome<string>> RefundAsync(string orderNumber, string paymentIntentId, decimal amount, string currency, CancellationToken cancellationToken)
    {
        var keys = await settings.GetKeysAsync(cancellationToken);
        if (keys.SecretKey is null)
        {
            return Outcome<string>.Refused(StripeProblems.NotConfigured);
        }

        try
        {
            var refund = await new RefundService(clients.Create(keys.SecretKey)).CreateAsync(
                new RefundCreateOptions
                {
                    PaymentIntent = paymentIntentId,
                    Amount = StripeAmounts.ToMinorUnits(amount, currency),
                    Metadata = new Dictionary<string, string> { [StripeCheckoutSessionRequest.OrderNumberKey] = orderNumber },
                },
                new RequestOptions { IdempotencyKey = IdempotencyKey(orderNumber) },
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
