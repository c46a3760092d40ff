using CP.Commerce.Payments;
using CP.Payments.Stripe.Services;
using Microsoft.AspNetCore.Routing;
using StoreSite.Settings;

namespace CP.Payments.Stripe.Payments;

/// <summary>
/// The Stripe payment provider (<c>stripe</c>). A charge is a Checkout Session: the customer is sent
/// to Stripe's page and the order waits for the webhook (<see cref="Webhooks.StripeEventProcessor"/>);
/// nothing here marks an order paid. Refunds go through Stripe's Refund API; voiding expires the
/// order's open sessions. Stripe not answering is thrown (the store keeps the order as it is and
/// says so); Stripe refusing is answered as a refusal with Stripe's message.
/// </summary>
public sealed class StripePaymentProvider(
    StripeCheckoutSessions sessions,
    StripeRefunds refunds,
    IPublicSiteAddress publicAddress,
    LinkGenerator links) : IPaymentProvider
{
    public const string ProviderName = "stripe";

    public string Name => ProviderName;

    public string DisplayName => "Stripe";

    public bool IsTestMode => false;

    public bool ConfirmsLater => true;

    public string? SettingsRouteName => Controllers.StripeSettingsAdminController.RouteName;

    public async Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lines = request.Lines is { Count: > 0 } given
            ? given.Select(l => new StripeCheckoutLine(l.Name, l.UnitPrice, l.Quantity)).ToList()
            : [new StripeCheckoutLine($"Order {request.OrderNumber}", request.Amount, 1)];
        var order = new StripeCheckoutOrder(request.OrderNumber, request.Currency, request.CustomerEmail, lines);
        var returnUrl = await ReturnUrlAsync(request.OrderNumber, cancellationToken);
        var outcome = await sessions.StartAsync(order, returnUrl, returnUrl, cancellationToken);
        return outcome switch
        {
            { Succeeded: true, Value: { } session } => PaymentResult.Pending(session.Id, new Uri(session.Url)),
            { Problem: StripeProblems.StripeUnreachable } => throw new HttpRequestException(outcome.Detail),
            { Problem: StripeProblems.NotConfigured } => PaymentResult.Refused("Stripe is not set up on this store (no secret key)."),
            _ => PaymentResult.Refused(outcome.Detail ?? "Stripe refused the payment."),
        };
    }

    public async Task<PaymentResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await refunds.RefundAsync(request.OrderNumber, request.PaymentReference, request.Amount, request.Currency, cancellationToken);
        return outcome switch
        {
            { Succeeded: true } => PaymentResult.Success(outcome.Value!),
            { Problem: StripeProblems.StripeUnreachable } => throw new HttpRequestException(outcome.Detail),
            { Problem: StripeProblems.NotConfigured } => PaymentResult.Refused("Stripe is not set up on this store (no secret key)."),
            _ => PaymentResult.Refused(outcome.Detail ?? "Stripe refused the refund."),
        };
    }

    public async Task<VoidResult> VoidAsync(VoidRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await sessions.CloseAsync(request.OrderNumber, cancellationToken);
        return outcome switch
        {
            { Succeeded: true, Value: { } paymentIntent } => VoidResult.Charged(paymentIntent),
            { Succeeded: true } => VoidResult.Voided(),
            { Problem: StripeProblems.StripeUnreachable } => throw new HttpRequestException(outcome.Detail),
            { Problem: StripeProblems.NotConfigured } => VoidResult.Refused("Stripe is not set up on this store (no secret key)."),
            _ => VoidResult.Refused(outcome.Detail ?? "Stripe refused to expire the payment page."),
        };
    }

    /// <summary>The order's page on the site's public address (checkout's named route), where the customer comes back from Stripe.</summary>
    private async Task<Uri> ReturnUrlAsync(string orderNumber, CancellationToken cancellationToken)
    {
        var path = links.GetPathByRouteValues(CheckoutRouteNames.Done, new { number = orderNumber }, pathBase: string.Empty)
            ?? throw new InvalidOperationException($"The route {CheckoutRouteNames.Done} is not mapped.");
        return (await publicAddress.GetAsync(cancellationToken)).Link(path);
    }
}
