using CP.Licensing.Lifecycle;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CP.Licensing.Controllers;

/// <summary>
/// The "switch renewal reminders off" link of a reminder mail: works without signing in (the token
/// names the customer). The GET only asks; the POST (antiforgery) switches them off, so a mail
/// scanner that follows links changes nothing. A token the store did not make is a 404.
/// </summary>
[Route("account/reminders/off")]
[AllowAnonymous]
public sealed class ReminderOptOutController(ReminderPreferences preferences) : Controller
{
    [HttpGet("", Name = LicensingRoutes.ReminderOptOut)]
    public IActionResult Index(string? token)
    {
        if (preferences.CustomerOf(token) is null)
        {
            return NotFound();
        }

        return View(model: token);
    }

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Confirm([FromForm] string? token, CancellationToken cancellationToken)
    {
        if (preferences.CustomerOf(token) is not { } customerId)
        {
            return NotFound();
        }

        await preferences.SetAsync(customerId, wantsReminders: false, cancellationToken);
        return View("Done");
    }
}
