using CP.Commerce.Models;

namespace CP.Commerce.Checkout;

/// <summary>What a checkout did, with the order it made (if any) and a message for the customer.</summary>
public sealed record CheckoutResult(CheckoutStatus Status, Order? Order, string? Message)
{
    public static CheckoutResult Refused(string message) => new(CheckoutStatus.Refused, null, message);
}
