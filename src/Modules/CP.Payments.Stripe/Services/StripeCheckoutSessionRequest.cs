using Stripe;
using Stripe.Checkout;

namespace CP.Payments.Stripe.Services;

/// <summary>
/// The <c>POST /v1/checkout/sessions</c> request for an order's payment attempt: mode payment, the
/// order's lines in minor units, currency in lower case, the customer's email, the order number as
/// <c>client_reference_id</c> and metadata (on the session and on its payment intent, so charges
/// and disputes carry it too), the return addresses, and an idempotency key per attempt.
/// </summary>
public static class StripeCheckoutSessionRequest
{
    public const string OrderNumberKey = "order_number";

    /// <summary>The idempotency key of an order's payment attempt: a retried call makes no second session.</summary>
    public static string IdempotencyKey(string orderNumber, int attempt) => $"checkout-{orderNumber}-{attempt}";

    public static SessionCreateOptions Options(StripeCheckoutOrder order, Uri successUrl, Uri cancelUrl)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(successUrl);
        ArgumentNullException.ThrowIfNull(cancelUrl);
        var currency = StripeAmounts.Currency(order.Currency);
        var metadata = new Dictionary<string, string> { [OrderNumberKey] = order.OrderNumber };
        return new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = order.OrderNumber,
            CustomerEmail = order.CustomerEmail,
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(metadata) },
            SuccessUrl = successUrl.AbsoluteUri,
            CancelUrl = cancelUrl.AbsoluteUri,
            LineItems = order.Lines.Select(line => new SessionLineItemOptions
            {
                Quantity = line.Quantity,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = currency,
                    UnitAmount = StripeAmounts.ToMinorUnits(line.UnitPrice, currency),
                    ProductData = new SessionLineItemPriceDataProductDataOptions { Name = line.Name },
                },
            }).ToList(),
        };
    }

    public static RequestOptions RequestOptions(string orderNumber, int attempt) =>
        new() { IdempotencyKey = IdempotencyKey(orderNumber, attempt) };
}
