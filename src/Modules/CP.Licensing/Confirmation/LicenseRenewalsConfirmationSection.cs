using CP.Commerce.Confirmation;
using CP.Commerce.Events;
using CP.Licensing.Customer;

namespace CP.Licensing.Confirmation;

/// <summary>
/// The keys an order renewed ("Renewed: product plan key until date") on the confirmation page, the
/// customer's order page and in the confirmation email (<see cref="LicenseRenewalsEmailHtml"/>, <see cref="LicenseRenewalsEmailText"/>).
/// </summary>
public sealed class LicenseRenewalsConfirmationSection(OrderLicenseKeyQuery keys) : IOrderConfirmationSection
{
    public const string Title = "Renewed license keys";

    public Type ViewComponent => typeof(OrderRenewalsViewComponent);

    public async Task<OrderEmailSection?> BuildEmailSectionAsync(OrderSnapshot order, CancellationToken cancellationToken)
    {
        var list = await keys.RenewalsAsync(order, cancellationToken);
        return list.Count == 0
            ? null
            : OrderEmailSection.Of<LicenseRenewalsEmailHtml, LicenseRenewalsEmailText>(
                Title,
                new Dictionary<string, object?>(StringComparer.Ordinal) { [nameof(LicenseRenewalsEmailHtml.Renewals)] = list });
    }
}
