using System.Security.Claims;
using CP.Licensing.Customer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CP.Licensing.Widgets;

/// <summary>The signed-in customer's active keys (not revoked, not expired), counted; nothing for users without <see cref="Permissions.ViewOwnLicenses"/>.</summary>
public sealed class AccountLicensesViewComponent(CustomerLicenseQuery licenses, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var customerId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (customerId is null || !(await authorization.AuthorizeAsync(UserClaimsPrincipal, nameof(Permissions.ViewOwnLicenses))).Succeeded)
        {
            return Content(string.Empty);
        }

        return View(await licenses.CountActiveAsync(customerId, HttpContext.RequestAborted));
    }
}
