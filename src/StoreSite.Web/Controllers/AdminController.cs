using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace StoreSite.Web.Controllers;

/// <summary>The admin dashboard.</summary>
public sealed class AdminController : Controller
{
    [HttpGet("/admin")]
    [Authorize(Policy = nameof(Permissions.AccessAdminPanel))]
    public IActionResult Index() => View();
}
