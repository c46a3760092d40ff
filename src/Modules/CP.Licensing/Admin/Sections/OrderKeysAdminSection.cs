using CP.Commerce.Admin;

namespace CP.Licensing.Admin.Sections;

/// <summary>The keys issued for each line of an order, on its admin page (links to the keys' admin pages, status badges).</summary>
public sealed class OrderKeysAdminSection : IOrderAdminSection
{
    public Type ViewComponent => typeof(OrderKeysAdminViewComponent);
}
