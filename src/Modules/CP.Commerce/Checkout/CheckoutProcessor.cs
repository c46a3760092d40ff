using CP.Commerce.Events;
using System.Text.RegularExpressions;
using CP.Commerce.Cart;
using CP.Commerce.Data;
using CP.Commerce.Discounts;
using CP.Commerce.Models;
using CP.Commerce.Orders;
using CP.Commerce.Payments;
using CP.Commerce.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StoreSite;
using StoreSite.Data;

namespace CP.Commerce.Checkout;

/// <summary>
/// Turns a cart into an order and charges it. The form's idempotency key is a unique index on the
/// order, so a checkout submitted twice makes one order and one charge. The order becomes Paid only
/// when the provider confirms, in one transaction with the <c>OrderPaidAsync</c> handlers.
/// Refusals are <see cref="CheckoutProblems"/> codes.
/// </summary>
public sealed partial class CheckoutProcessor(
    CommerceDbContext db,
    SiteDatabase database,
    CartPricer pricer,
    PaymentProviders providers,
    DiscountRedemptions redemptions,
    OrderTransitions transitions,
    OrderEmails emails,
    TimeProvider clock,
    ILogger<CheckoutProcessor> logger)
{
    /// <summary>A new idempotency key for a checkout form.</summary>
    public static string NewCheckoutKey() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// The paid order (or the order this form already made, charged once); refused with a
    /// <see cref="CheckoutProblems"/> code, carrying the order when one was made.
    /// </summary>
    public async Task<Outcome<Order>> CheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CheckoutKey is null || !KeyPattern().IsMatch(request.CheckoutKey))
        {
            return StaleForm;
        }

        if (await FindByKeyAsync(request.CheckoutKey, cancellationToken) is { } existing)
        {
            return Submitted(existing, request);
        }

        var provider = await providers.GetActiveAsync(cancellationToken);
        if (provider is null)
        {
            return Outcome<Order>.Refused(CheckoutProblems.PaymentsNotSetUp);
        }

        var cart = await pricer.PriceAsync(request.Cart, request.CustomerId, cancellationToken);
        if (cart.IsEmpty)
        {
            return Outcome<Order>.Refused(CheckoutProblems.CartEmpty);
        }

        if (cart.Unavailable.FirstOrDefault() is { } gone)
        {
            return Outcome<Order>.Refused(CheckoutProblems.ItemUnavailable, detail: $"{gone.ProductName} – {gone.PlanName}");
        }

        if (cart.DiscountRefusal is { } discountRefusal)
        {
            return Outcome<Order>.Refused(CheckoutProblems.DiscountRefused, detail: discountRefusal);
        }

        var (order, discountProblem) = await PlaceAsync(request, cart, provider.Name, cancellationToken);
        if (discountProblem is not null)
        {
            return Outcome<Order>.Refused(CheckoutProblems.DiscountRefused, detail: discountProblem);
        }

        if (order is null)
        {
            var winner = await FindByKeyAsync(request.CheckoutKey, cancellationToken);
            return winner is null ? StaleForm : Submitted(winner, request);
        }

        var customer = new OrderActor(request.CustomerId, request.CustomerEmail);
        PaymentResult payment;
        try
        {
            var lines = order.Lines.OrderBy(l => l.LineNumber).Select(l => PaymentLineOf(l, order.DiscountCode)).ToList();
            payment = await provider.ChargeAsync(new PaymentRequest(order.Number, order.Total, order.Currency, order.CustomerEmail, request.SimulateDecline, lines), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Payment provider {Provider} failed to charge order {OrderNumber}", provider.Name, order.Number);
            await transitions.NoteAsync(order.Id, $"The payment provider could not be reached: {ex.Message}", OrderActor.System, cancellationToken);
            return new Outcome<Order>(order, CheckoutProblems.ProviderUnreachable);
        }

        if (payment.IsPending)
        {
            // Never paid from here: the provider reports the outcome later (IPaymentConfirmations).
            logger.LogInformation("Order {OrderNumber} waits for its payment at {Provider} ({Reference})", order.Number, provider.Name, payment.Reference);
            await transitions.NoteAsync(order.Id, $"Sent to {provider.DisplayName} to pay ({payment.Reference}).", customer, cancellationToken);
            return new Outcome<Order>(order, CheckoutProblems.AwaitingProvider, Detail: payment.RedirectUrl!.AbsoluteUri);
        }

        if (!payment.Succeeded)
        {
            logger.LogInformation("Payment of order {OrderNumber} declined by {Provider}", order.Number, provider.Name);
            var failed = await transitions.MarkPaymentFailedAsync(order.Id, $"Payment declined by {provider.DisplayName}: {payment.Message ?? "The payment was declined."}", OrderActor.System, cancellationToken);
            return new Outcome<Order>(failed ?? order, CheckoutProblems.Declined, Detail: payment.Message);
        }

        // The provider confirmed: remember its reference on its own, so that completing the order
        // later (if the events below fail) never charges again.
        await transitions.RecordPaymentAsync(order.Id, payment.Reference!, cancellationToken);
        await transitions.NoteAsync(order.Id, $"Payment {payment.Reference} of {Money.Format(order.Total, order.Currency)} confirmed by {provider.DisplayName}.", OrderActor.System, cancellationToken);
        return await CompleteAsync(order.Id, customer, cancellationToken) is { } completed
            ? Outcome<Order>.Done(completed)
            : new Outcome<Order>(order, CheckoutProblems.NotCompleted);
    }

    /// <summary>
    /// Marks a Pending order whose payment the provider confirmed as Paid (with the events) and sends
    /// the confirmation; used by checkout and by the admin's "Finish payment". Null when it could not.
    /// </summary>
    public async Task<Order?> CompleteAsync(int orderId, OrderActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Order? paid;
        try
        {
            paid = await transitions.MarkPaidAsync(orderId, actor, cancellationToken);
        }
        catch (OrderEventException ex)
        {
            logger.LogError(ex, "Order {OrderId} was charged but could not be marked paid", orderId);
            await transitions.NoteAsync(orderId, $"Could not complete the paid order: {ex.Message}", OrderActor.System, cancellationToken);
            return null;
        }

        if (paid is not null)
        {
            logger.LogInformation("Order {OrderNumber} paid", paid.Number);
            await emails.SendConfirmationAsync(paid, cancellationToken);
        }

        return paid;
    }

    private static Outcome<Order> StaleForm => Outcome<Order>.Refused(CheckoutProblems.StaleForm, nameof(CheckoutRequest.CheckoutKey));

    private static Outcome<Order> Submitted(Order existing, CheckoutRequest request) =>
        existing.CustomerId == request.CustomerId ? Outcome<Order>.Done(existing) : StaleForm;

    private Task<Order?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.CheckoutKey == key, cancellationToken);

    /// <summary>What the provider is asked to charge for a line: a discounted line as one item of its total, so the items add up to the order.</summary>
    private static PaymentLine PaymentLineOf(OrderLine line, string? code)
    {
        var title = OrderLineText.Title(line.ProductName, line.PlanName, line.Kind);
        return line.Discount == 0
            ? new PaymentLine(title, line.UnitPrice, line.Quantity)
            : new PaymentLine(OrderLineText.DiscountedItem(title, line.Quantity, code), line.LineTotal, 1);
    }

    /// <summary>
    /// Inserts the Pending order and, in the same transaction, redeems its discount code
    /// (<see cref="DiscountRedemptions.RedeemAsync"/>); a refused redemption rolls everything back and
    /// answers its <see cref="DiscountProblems"/> code. The order is null (and no problem) when another
    /// submission of the same form inserted it first.
    /// </summary>
    private async Task<(Order? Order, string? DiscountProblem)> PlaceAsync(CheckoutRequest request, PricedCart cart, string providerName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var order = new Order
        {
            Number = "pending-" + request.CheckoutKey,
            CustomerId = request.CustomerId,
            CustomerEmail = request.CustomerEmail,
            Status = OrderStatus.Pending,
            Currency = cart.Currency,
            Total = cart.Total,
            DiscountCode = cart.DiscountId is null ? null : cart.DiscountCode,
            DiscountId = cart.DiscountId,
            CreatedAt = now,
            CheckoutKey = request.CheckoutKey,
            PaymentProvider = providerName,
            Lines = cart.Lines.Select((line, index) => new OrderLine
            {
                LineNumber = index + 1,
                ProductId = line.ProductId,
                PlanId = line.PlanId,
                ProductName = line.ProductName,
                PlanName = line.PlanName,
                UnitPrice = line.UnitPrice,
                Quantity = line.Quantity,
                Discount = line.Discount,
                Kind = line.Kind,
                LicenseId = line.LicenseId,
                RenewsKey = line.Renewal?.MaskedKey ?? line.Upgrade?.MaskedKey,
                RenewsUntil = line.Renewal?.NewExpiry,
                UpgradesFrom = line.Upgrade?.FromPlanName,
            }).ToList(),
            Timeline = [new OrderTimelineEntry { At = now, Message = "Order placed.", Actor = request.CustomerEmail }],
        };

        try
        {
            await using var transaction = await database.BeginTransactionAsync(cancellationToken);
            db.Orders.Add(order);
            await db.SaveChangesAsync(cancellationToken);
            order.Number = OrderNumbers.Format(now, order.Id);
            await db.SaveChangesAsync(cancellationToken);
            if (cart.DiscountId is { } discountId && await redemptions.RedeemAsync(discountId, order, now, cancellationToken) is { } refused)
            {
                db.ChangeTracker.Clear();
                logger.LogInformation("Checkout form {CheckoutKey} refused: discount code {DiscountCode} {Problem}", request.CheckoutKey, cart.DiscountCode, refused);
                return (null, refused); // the transaction is disposed uncommitted: no order, no redemption
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            logger.LogInformation(ex, "Checkout form {CheckoutKey} was submitted again while its order was being placed", request.CheckoutKey);
            return (null, null);
        }

        db.ChangeTracker.Clear();
        logger.LogInformation("Order {OrderNumber} placed by {CustomerId}", order.Number, order.CustomerId);
        return (order, null);
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex KeyPattern();
}
