using CP.Commerce.Events;
using CP.Licensing.Customer;
using Microsoft.AspNetCore.Mvc;

namespace CP.Licensing.Confirmation;

/// <summary>Lists an order's keys (invoked by CP.Commerce with <c>new { order }</c>).</summary>
public sealed class OrderLicenseKeysViewComponent(OrderLicenseKeyQuery keys) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(OrderSnapshot order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var list = await keys.ListAsync(order.Number, HttpContext.RequestAborted);
        return View(list);
    }
}
