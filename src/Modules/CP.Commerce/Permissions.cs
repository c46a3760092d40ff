using StoreSite.Security;

namespace CP.Commerce;

/// <summary>The commerce permissions. Customers see their own orders; administrators have them all.</summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageProducts = new(nameof(ManageProducts), "Create and edit products and their pricing plans");
    public static readonly Permission ManageOrders = new(nameof(ManageOrders), "View orders and refund them");
    public static readonly Permission ManagePayments = new(nameof(ManagePayments), "Choose the payment provider checkout uses");
    public static readonly Permission ManageDiscounts = new(nameof(ManageDiscounts), "Create, edit and deactivate discount codes");
    public static readonly Permission ViewOwnOrders = new(nameof(ViewOwnOrders), "Check out and see one's own orders");

    public IEnumerable<Permission> GetPermissions() => [ManageProducts, ManageOrders, ManagePayments, ManageDiscounts, ViewOwnOrders];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new PermissionStereotype(StandardRoles.Administrator, GetPermissions().ToList()),
        new PermissionStereotype(StandardRoles.Customer, [ViewOwnOrders]),
    ];
}
