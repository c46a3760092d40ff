using StoreSite.Data;
using CP.Commerce.Confirmation;
using CP.Commerce.Models;
using CP.Commerce.ViewModels;
using StoreSite.Modules;

namespace CP.Commerce.Orders;

/// <summary>The order confirmation sections of enabled modules.</summary>
public sealed class ConfirmationSections(IEnumerable<IOrderConfirmationSection> sections, IModuleState modules, OrderSnapshots snapshots)
{
    public IReadOnlyList<IOrderConfirmationSection> Enabled => modules.OnlyEnabled(sections).ToList();

    /// <summary>The confirmation page or the customer's order page of <paramref name="order"/> (lines loaded), with the sections' view components.</summary>
    public async Task<OrderPageViewModel> PageAsync(Order order, CancellationToken cancellationToken) =>
        new(order, await snapshots.TakeAsync(order, cancellationToken), Enabled.Select(s => s.ViewComponent).ToList());
}
