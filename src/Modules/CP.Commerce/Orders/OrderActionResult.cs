using CP.Commerce.Models;

namespace CP.Commerce.Orders;

/// <summary>The outcome of an admin action on an order, with a message for the admin.</summary>
public sealed record OrderActionResult(bool Succeeded, string Message, Order? Order = null)
{
    public static OrderActionResult Done(string message, Order order) => new(true, message, order);

    public static OrderActionResult Refused(string message) => new(false, message);
}
