using CP.Commerce.Confirmation;
using CP.Commerce.Events;
using CP.Licensing.Customer;

namespace CP.Licensing.Confirmation;

/// <summary>
/// The order's license keys on the confirmation page, the customer's order page and in the confirmation email
/// (<see cref="LicenseKeysEmailHtml"/> and <see cref="LicenseKeysEmailText"/>, given the keys loaded here).
/// </summary>
public sealed class LicenseKeysConfirmationSection(OrderLicenseKeyQuery keys) : IOrderConfirmationSection
{
    public const string Title = "Your license keys";

    public Type ViewComponent => typeof(OrderLicenseKeysViewComponent);

    public async Task<OrderEmailSection?> BuildEmailSectionAsync(OrderSnapshot order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var list = await keys.ListAsync(order.Number, cancellationToken);
        return list.Count == 0
            ? null
            : OrderEmailSection.Of<LicenseKeysEmailHtml, LicenseKeysEmailText>(
                Title,
                new Dictionary<string, object?>(StringComparer.Ordinal) { [nameof(LicenseKeysEmailHtml.Keys)] = list });
    }
}
