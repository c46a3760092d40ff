using StoreSite.Data;
using System.Security.Claims;
using CP.Commerce.Data;
using CP.Commerce.Models;
using CP.Commerce.Orders;
using CP.Commerce.Services;
using CP.Commerce.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StoreSite.Settings;

namespace CP.Commerce.Controllers;

/// <summary>The customer's own orders; another customer's order number answers 404.</summary>
[Route("account/orders")]
public sealed class AccountOrdersController(CommerceDbContext db, ConfirmationSections sections, ISiteSettingsStore settings) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.ViewOwnOrders))]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        var customerId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var (orders, paging) = await db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId)
            .OrderByDescending(o => o.Id)
            .PageAsync(page, site.PageSize, Url.Action(nameof(Index))!, cancellationToken);
        return View(new CustomerOrdersViewModel(orders, paging));
    }

    [HttpGet("{number}", Name = CommerceRoutes.CustomerOrder)]
    [Authorize(Policy = nameof(Permissions.ViewOwnOrders))]
    public async Task<IActionResult> Show(string number, CancellationToken cancellationToken)
    {
        var customerId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var order = !OrderNumbers.IsPlausible(number)
            ? null
            : await db.Orders.AsNoTracking()
                .Include(o => o.Lines.OrderBy(l => l.LineNumber))
                .AsSplitQuery()
                .FirstOrDefaultAsync(o => o.Number == number && o.CustomerId == customerId, cancellationToken);
        return order is null
            ? NotFound()
            : View(await sections.PageAsync(order, cancellationToken));
    }
}
