using CP.Commerce.Confirmation;
using StoreSite.Modules;

namespace CP.Commerce.Orders;

/// <summary>The order confirmation sections of enabled modules.</summary>
public sealed class ConfirmationSections(IEnumerable<IOrderConfirmationSection> sections, IModuleState modules)
{
    public IReadOnlyList<IOrderConfirmationSection> Enabled => modules.OnlyEnabled(sections).ToList();

    /// <summary>The view components the confirmation page and the customer's order page invoke with <c>new { order }</c>.</summary>
    public IReadOnlyList<Type> ViewComponents => Enabled.Select(s => s.ViewComponent).ToList();
}
