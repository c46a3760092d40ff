using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StoreSite.Modules;
using StoreSite.Navigation;

namespace StoreSite.Web.Navigation;

/// <summary>
/// The admin shell's left menu: items of enabled modules the user is allowed to see, each linked
/// from its route (<see cref="LinkGenerator"/>). The active item is the one whose link is the
/// page's path or the longest prefix of it; an item other items sit under (the dashboard) is
/// active only on its own page.
/// </summary>
public sealed class AdminMenuViewComponent(IEnumerable<IAdminMenu> menus, IModuleState modules, IAuthorizationService authorization, LinkGenerator links) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var visible = new List<(string Label, string Url)>();
        foreach (var item in modules.OnlyEnabled(menus).SelectMany(m => m.GetItems()).OrderBy(i => i.Position).ThenBy(i => i.Label, StringComparer.Ordinal))
        {
            if (item.Permission is not null && !(await authorization.AuthorizeAsync(UserClaimsPrincipal, item.Permission)).Succeeded)
            {
                continue;
            }

            var url = item.RouteName is not null
                ? links.GetPathByName(HttpContext, item.RouteName, values: null)
                : links.GetPathByAction(HttpContext, item.Action, item.Controller, values: null);
            if (url is not null)
            {
                visible.Add((item.Label, url));
            }
        }

        var path = HttpContext.Request.PathBase.Add(HttpContext.Request.Path).Value ?? "/";
        var active = visible
            .Where(i => string.Equals(path, i.Url, StringComparison.OrdinalIgnoreCase)
                || (path.StartsWith(Under(i.Url), StringComparison.OrdinalIgnoreCase) && !visible.Any(o => o.Url.StartsWith(Under(i.Url), StringComparison.OrdinalIgnoreCase))))
            .OrderByDescending(i => i.Url.Length)
            .Select(i => i.Url)
            .FirstOrDefault();
        return View(visible.Select(i => new AdminMenuLink(i.Label, i.Url, i.Url == active)).ToList());
    }

    private static string Under(string url) => url.TrimEnd('/') + "/";
}
