using CP.Commerce.Confirmation;
using CP.Commerce.Events;
using CP.Licensing.Customer;
using CP.Licensing.Customer.Records;

namespace CP.Licensing.Confirmation;

/// <summary>
/// The keys an order renewed ("Renewed: product plan key until date") or upgraded ("Upgraded: product
/// key to plan") on the confirmation page, the customer's order page and in the confirmation email (<see cref="LicenseRenewalsEmailHtml"/>, <see cref="LicenseRenewalsEmailText"/>).
/// </summary>
public sealed class LicenseRenewalsConfirmationSection(OrderLicenseKeyQuery keys) : IOrderConfirmationSection
{
    public const string Title = "Renewed license keys";

    public const string UpgradedTitle = "Upgraded license keys";

    public const string BothTitle = "Renewed and upgraded license keys";

    /// <summary>The section's heading for what the order changed.</summary>
    public static string TitleOf(IReadOnlyList<IOrderKeyChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var renewed = changes.Any(c => c is OrderRenewal);
        var upgraded = changes.Any(c => c is OrderUpgrade);
        return renewed && upgraded ? BothTitle : upgraded ? UpgradedTitle : Title;
    }

    public Type ViewComponent => typeof(OrderRenewalsViewComponent);

    public async Task<OrderEmailSection?> BuildEmailSectionAsync(OrderSnapshot order, CancellationToken cancellationToken)
    {
        var list = await keys.KeyChangesAsync(order, cancellationToken);
        return list.Count == 0
            ? null
            : OrderEmailSection.Of<LicenseRenewalsEmailHtml, LicenseRenewalsEmailText>(
                TitleOf(list),
                new Dictionary<string, object?>(StringComparer.Ordinal) { [nameof(LicenseRenewalsEmailHtml.Changes)] = list });
    }
}
