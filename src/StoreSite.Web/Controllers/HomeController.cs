using Microsoft.AspNetCore.Mvc;

namespace StoreSite.Web.Controllers;

/// <summary>The storefront's home page.</summary>
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();
}
