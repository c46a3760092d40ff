using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace StoreSite.Web.Controllers;

/// <summary>
/// Friendly pages for error status codes and unhandled exceptions. The code is read from the route,
/// not model-bound: the page re-executes the failed request, whose form may hold a field named
/// "code" (the reset-password form does) or be unreadable (then MVC binds nothing at all).
/// </summary>
[Route("error")]
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    [Route("{code:int}")]
    public IActionResult Status()
    {
        var status = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = status;
        ViewData["Title"] = Title(status);
        return View("Status", status);
    }

    private static string Title(int code) => code switch
    {
        400 => "Bad request",
        403 => "Access denied",
        404 => "Page not found",
        405 => "Method not allowed",
        413 => "Request too large",
        415 => "Unsupported content",
        429 => "Too many requests",
        500 => "Something went wrong",
        503 => "Not available yet",
        _ => "Error",
    };
}
