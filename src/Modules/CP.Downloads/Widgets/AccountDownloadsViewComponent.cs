using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CP.Downloads.Widgets;

/// <summary>The link to the customer's downloads; nothing for users without <see cref="Permissions.ViewOwnDownloads"/>.</summary>
public sealed class AccountDownloadsViewComponent(IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        (await authorization.AuthorizeAsync(UserClaimsPrincipal, nameof(Permissions.ViewOwnDownloads))).Succeeded
            ? View()
            : Content(string.Empty);
}
