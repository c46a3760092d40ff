using CP.Licensing.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CP.Licensing.Widgets;

/// <summary>Renders the licensing activity cards for users with <see cref="Permissions.ManageLicenses"/>; nothing for others.</summary>
public sealed class LicenseActivityDashboardViewComponent(LicenseFigures figures, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, nameof(Permissions.ManageLicenses))).Succeeded)
        {
            return Content(string.Empty);
        }

        return View(await figures.ReadAsync(HttpContext.RequestAborted));
    }
}
