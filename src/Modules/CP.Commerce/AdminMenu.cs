using StoreSite.Navigation;

namespace CP.Commerce;

/// <summary>Orders, Products and Payments in the admin menu.</summary>
public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Orders", "/admin/orders", Permissions.ManageOrders.Name, 20),
        new("Products", "/admin/products", Permissions.ManageProducts.Name, 30),
        new("Payments", "/admin/payments", Permissions.ManagePayments.Name, 35),
    ];
}
