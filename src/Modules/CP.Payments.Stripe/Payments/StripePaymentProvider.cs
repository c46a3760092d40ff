using CP.Commerce.Payments;
using CP.Payments.Stripe.Services;
using CP.Payments.Stripe.Settings;
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
    StripeSettingsStore settings,
    IPublicSiteAddress publicAddress,
    LinkGenerator links) : IPaymentProvider
{
    public const string ProviderName = "stripe";

    public string Name => ProviderName;

    public string DisplayName => "Stripe";

    public bool IsTestMode => false;

    public bool ConfirmsLater => true;

    /// <summary>True on a test secret key (<c>sk_test_…</c>): Stripe's test mode, no real money.</summary>
    public async Task<bool> UsesTestKeysAsync(CancellationToken cancellationToken) => (await settings.GetKeysAsync(cancellationToken)).IsTestMode;

    public string? SettingsRouteName => Controllers.StripeSettingsAdminController.RouteName;

    public async Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lines = request.Lines is { Count: > 0 } given
            ? given.Select(l => new StripeCheckoutLine(l.Name, l.UnitPrice, l.Quantity)).ToList()
            : [new StripeCheckoutLine($"Order {request.OrderNumber}", request.Amount, 1)];
        var order = new StripeCheckoutOrder(request.OrderNumber, request.Currency, request.CustomerEmail, lines);
        var outcome = await sessions.StartAsync(
            order,
            await CheckoutUrlAsync(CheckoutRouteNames.Done, request.OrderNumber, cancellationToken),
            await CheckoutUrlAsync(CheckoutRouteNames.Cancelled, request.OrderNumber, cancellationToken),
            cancellationToken);
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
        var outcome = await refunds.RefundAsync(request.OrderNumber, request.PaymentReference, request.Amount, request.Currency, request.LineNumbers, cancellationToken);
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

    /// <summary>
    /// A checkout page of the order on the site's public address (checkout's named routes), where the
    /// customer comes back from Stripe: <see cref="CheckoutRouteNames.Done"/> after paying,
    /// <see cref="CheckoutRouteNames.Cancelled"/> when they left without paying.
    /// </summary>
    private async Task<Uri> CheckoutUrlAsync(string routeName, string orderNumber, CancellationToken cancellationToken)
    {
        var path = links.GetPathByRouteValues(routeName, new { number = orderNumber }, pathBase: string.Empty)
            ?? throw new InvalidOperationException($"The route {routeName} is not mapped.");
        return (await publicAddress.GetAsync(cancellationToken)).Link(path);
    }
}
