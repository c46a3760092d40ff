using CP.Commerce.Events;
using CP.Licensing.Customer;
using Microsoft.AspNetCore.Mvc;

namespace CP.Licensing.Confirmation;

/// <summary>Lists the keys an order renewed or upgraded (invoked by CP.Commerce with <c>new { order }</c>).</summary>
public sealed class OrderRenewalsViewComponent(OrderLicenseKeyQuery keys) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(OrderSnapshot order) =>
        View(await keys.KeyChangesAsync(order, HttpContext.RequestAborted));
}
