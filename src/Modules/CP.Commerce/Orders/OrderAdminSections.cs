using CP.Commerce.Admin;
using StoreSite.Modules;

namespace CP.Commerce.Orders;

/// <summary>The admin order page's sections of enabled modules (their view components).</summary>
public sealed class OrderAdminSections(IEnumerable<IOrderAdminSection> sections, IModuleState modules)
{
    public IReadOnlyList<Type> Enabled => [.. modules.OnlyEnabled(sections).Select(s => s.ViewComponent)];
}
