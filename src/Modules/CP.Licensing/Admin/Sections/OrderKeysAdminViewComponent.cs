using CP.Commerce.Events;
using CP.Licensing.Customer;
using Microsoft.AspNetCore.Mvc;

namespace CP.Licensing.Admin.Sections;

/// <summary>Lists an order's keys on its admin page (invoked by CP.Commerce with <c>new { order }</c>); nothing when it has none.</summary>
public sealed class OrderKeysAdminViewComponent(OrderLicenseKeyQuery keys) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(OrderSnapshot order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var list = await keys.ListForAdminAsync(order.Number, HttpContext.RequestAborted);
        return list.Count == 0 ? Content(string.Empty) : View(list);
    }
}
