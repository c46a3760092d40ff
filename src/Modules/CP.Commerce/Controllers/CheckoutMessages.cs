using CP.Commerce.Checkout;
using CP.Commerce.Models;
using StoreSite;

namespace CP.Commerce.Controllers;

/// <summary>The words the customer reads about a checkout, chosen from the <see cref="CheckoutProblems"/> code.</summary>
public static class CheckoutMessages
{
    public const string CartEmpty = "Your cart is empty. Add a product before checking out.";

    /// <summary>Why a checkout did not end with a paid order.</summary>
    public static string Refused(Outcome<Order> outcome) => outcome.Problem switch
    {
        CheckoutProblems.StaleForm => "This checkout form is no longer valid. Review your cart and check out again.",
        CheckoutProblems.PaymentsNotSetUp => "Payments are not set up on this store yet, so orders cannot be placed. Please try again later.",
        CheckoutProblems.CartEmpty => CartEmpty,
        CheckoutProblems.ItemUnavailable => $"{outcome.Detail} is no longer available. Remove it from your cart to continue.",
        CheckoutProblems.DiscountRefused => $"{DiscountMessages.Refused(outcome.Detail)} Nothing was ordered: remove the code from your cart to check out without it.",
        CheckoutProblems.ProviderUnreachable => "We could not reach the payment provider. Your order is waiting for payment; please contact us before trying again.",
        CheckoutProblems.Declined => $"Your payment was declined: {outcome.Detail ?? "The payment was declined."} Nothing was charged; you can try again.",
        CheckoutProblems.AwaitingProvider => $"Order {outcome.Value?.Number} waits for your payment at the payment provider.",
        CheckoutProblems.NotCompleted => $"Your payment was received, but we could not complete order {outcome.Value?.Number} yet. We have been notified and will finish it shortly; you will not be charged again.",
        _ => $"The checkout did not go through ({outcome.Problem}). Nothing was charged.",
    };
}
