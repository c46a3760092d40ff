using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Modules;
using StoreSite.Navigation;

namespace StoreSite.Web.Navigation;

/// <summary>The admin shell's left menu: items of enabled modules the user is allowed to see.</summary>
public sealed class AdminMenuViewComponent(IEnumerable<IAdminMenu> menus, IModuleState modules, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var visible = new List<AdminMenuItem>();
        foreach (var item in modules.OnlyEnabled(menus).SelectMany(m => m.GetItems()).OrderBy(i => i.Position).ThenBy(i => i.Label, StringComparer.Ordinal))
        {
            if (item.Permission is null || (await authorization.AuthorizeAsync(UserClaimsPrincipal, item.Permission)).Succeeded)
            {
                visible.Add(item);
            }
        }

        return View(visible);
    }
}
