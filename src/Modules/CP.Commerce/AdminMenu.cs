using CP.Commerce.Controllers;
using StoreSite.Navigation;

namespace CP.Commerce;

/// <summary>Orders, Products, Discounts and Payments in the admin menu.</summary>
public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForAction<OrdersAdminController>("Orders", nameof(OrdersAdminController.Index), Permissions.ManageOrders.Name, 20),
        AdminMenuItem.ForAction<ProductsAdminController>("Products", nameof(ProductsAdminController.Index), Permissions.ManageProducts.Name, 30),
        AdminMenuItem.ForAction<DiscountsAdminController>("Discounts", nameof(DiscountsAdminController.Index), Permissions.ManageDiscounts.Name, 32),
        AdminMenuItem.ForAction<PaymentsAdminController>("Payments", nameof(PaymentsAdminController.Index), Permissions.ManagePayments.Name, 35),
    ];
}
