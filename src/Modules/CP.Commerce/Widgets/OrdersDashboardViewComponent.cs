using CP.Commerce.Orders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CP.Commerce.Widgets;

/// <summary>Renders the Orders card for users who may manage orders; nothing for others.</summary>
public sealed class OrdersDashboardViewComponent(IAuthorizationService authorization, OrdersNeedingAttention orders) : ViewComponent
{
    /// <summary>Stuck orders listed on the card; the rest are counted.</summary>
    public const int Shown = 10;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, nameof(Permissions.ManageOrders))).Succeeded)
        {
            return Content(string.Empty);
        }

        return View(await orders.ReadAsync(Shown, HttpContext.RequestAborted));
    }
}
