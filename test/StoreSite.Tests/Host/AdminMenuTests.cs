using AngleSharp.Dom;
using StoreSite.Navigation;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Controllers;

namespace StoreSite.Tests.Host;

/// <summary>The admin menu: items name their pages by route; the menu links them and marks the page shown.</summary>
public sealed class AdminMenuTests
{
    private static List<string> MenuLinks(IDocument page) =>
        page.QuerySelectorAll(".admin-menu a").Select(a => a.GetAttribute("href")!).ToList();

    private static List<string> ActiveLinks(IDocument page) =>
        page.QuerySelectorAll(".admin-menu a[aria-current='page']").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public void An_item_for_an_action_names_the_controller_without_its_suffix()
    {
        var item = AdminMenuItem.ForAction<UsersAdminController>("Users", nameof(UsersAdminController.Index), "ManageUsers", 80);

        Assert.Equal("UsersAdmin", item.Controller);
        Assert.Equal("Index", item.Action);
        Assert.Null(item.RouteName);
    }

    [Fact]
    public void An_item_needs_a_label_and_a_target()
    {
        Assert.Throws<ArgumentException>(() => AdminMenuItem.ForRoute(" ", "Somewhere", null, 1));
        Assert.Throws<ArgumentException>(() => AdminMenuItem.ForRoute("Somewhere", "", null, 1));
        Assert.Throws<ArgumentException>(() => AdminMenuItem.ForAction<UsersAdminController>("Users", "", null, 1));
    }

    [Fact]
    public async Task With_every_module_enabled_the_menu_links_each_admin_page_in_position_order()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        var dashboard = await admin.GetDocumentAsync("/admin");

        Assert.Equal(
            ["/admin", "/admin/orders", "/admin/products", "/admin/discounts", "/admin/payments", "/admin/licenses", "/admin/users", "/admin/modules", "/admin/recipes", "/admin/settings"],
            MenuLinks(dashboard));
        Assert.Equal(["/admin"], ActiveLinks(dashboard));
    }

    [Fact]
    public async Task A_page_below_an_item_marks_that_item_and_not_the_dashboard()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var id = await site.IdOfAsync(TestSite.AdminEmail);

        Assert.Equal(["/admin/users"], ActiveLinks(await admin.GetDocumentAsync("/admin/users/" + Uri.EscapeDataString(id))));
        Assert.Equal(["/admin/users"], ActiveLinks(await admin.GetDocumentAsync("/admin/users/create")));
        Assert.Equal(["/admin/settings"], ActiveLinks(await admin.GetDocumentAsync("/admin/settings")));
    }

    [Fact]
    public async Task An_item_for_a_named_endpoint_is_linked_by_its_route()
    {
        await using var site = TestSite.Start(GadgetsModule.AddTo);
        var admin = await site.AdminAsync();
        using var enabled = await admin.SubmitFormAsync("/admin/modules", $"form[action='/admin/modules/{GadgetsModule.Id}/enable']", new Dictionary<string, string>());

        var dashboard = await admin.GetDocumentAsync("/admin");

        Assert.Contains(GadgetsModule.AdminUrl, MenuLinks(dashboard));
    }
}
