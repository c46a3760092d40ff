using CP.Commerce.Events;

namespace CP.Commerce.Confirmation;

/// <summary>
/// A module's section on the order confirmation page (<c>/checkout/done/{number}</c>), the
/// customer's order page, and in the confirmation email (e.g. licensing lists the order's keys).
/// </summary>
public interface IOrderConfirmationSection
{
    /// <summary>A view component invoked with <c>new { order }</c> (an <see cref="OrderSnapshot"/>), in the module's assembly.</summary>
    Type ViewComponent { get; }

    /// <summary>
    /// The section of the confirmation email (its components and their parameters), or null to add
    /// nothing for this order. Runs in the scope that completed the order, after its commit.
    /// </summary>
    Task<OrderEmailSection?> BuildEmailSectionAsync(OrderSnapshot order, CancellationToken cancellationToken);
}
