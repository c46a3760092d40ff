using CP.Commerce.Orders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CP.Commerce.Widgets;

/// <summary>Renders the Sales card (revenue, latest orders) for users who may manage orders; nothing for others.</summary>
public sealed class SalesDashboardViewComponent(IAuthorizationService authorization, SalesFigures sales) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, nameof(Permissions.ManageOrders))).Succeeded)
        {
            return Content(string.Empty);
        }

        return View(await sales.ReadAsync(HttpContext.RequestAborted));
    }
}
