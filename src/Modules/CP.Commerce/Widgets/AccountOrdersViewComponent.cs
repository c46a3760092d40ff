using System.Security.Claims;
using CP.Commerce.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CP.Commerce.Widgets;

/// <summary>The signed-in customer's three latest orders and a link to all of them.</summary>
public sealed class AccountOrdersViewComponent(CommerceDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var customerId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var orders = customerId is null
            ? []
            : await db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId).OrderByDescending(o => o.Id).Take(3).ToListAsync(HttpContext.RequestAborted);
        return View(orders);
    }
}
