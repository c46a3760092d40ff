using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Settings;
using StoreSite.Web.ViewModels;

namespace StoreSite.Web.Controllers;

/// <summary>The admin dashboard.</summary>
public sealed class AdminController(IPublicSiteAddress publicAddress) : Controller
{
    [HttpGet("/admin")]
    [Authorize(Policy = nameof(Permissions.AccessAdminPanel))]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var address = await publicAddress.GetAsync(cancellationToken);
        return View(new AdminDashboardViewModel { ServerAddress = address.IsSet ? null : address.BaseUrl.AbsoluteUri });
    }
}
