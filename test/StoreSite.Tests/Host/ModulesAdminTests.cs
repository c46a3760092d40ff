using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Modules;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host;

public sealed class ModulesAdminTests
{
    private static readonly string[] HostMenuLinks = ["/admin", "/admin/users", "/admin/modules", "/admin/recipes", "/admin/settings"];

    private static string State(IDocument page, string moduleId) =>
        page.QuerySelector($"tr[data-module='{moduleId}'] .badge")?.TextContent.Trim() ?? "(missing)";

    private static List<string> MenuLinks(IDocument page) =>
        page.QuerySelectorAll(".admin-menu a").Select(a => a.GetAttribute("href")!).ToList();

    private static async Task<(IDocument Page, string Notice, string Error)> ChangeAsync(HttpClient admin, string moduleId, string action)
    {
        using var response = await admin.SubmitFormAsync("/admin/modules", $"form[action='/admin/modules/{moduleId}/{action}']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        return (page, page.QuerySelector(".notice-success")?.TextContent.Trim() ?? string.Empty, page.QuerySelector(".notice-error")?.TextContent.Trim() ?? string.Empty);
    }

    [Fact]
    public async Task Modules_page_lists_each_module_with_name_description_dependencies_and_state()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin/modules");

        var commerce = page.QuerySelector("tr[data-module='CP.Commerce']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        var licensing = page.QuerySelector("tr[data-module='CP.Licensing']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.StartsWith("Commerce", commerce[0], StringComparison.Ordinal);
        Assert.StartsWith("Products sold in pricing plans", commerce[1], StringComparison.Ordinal);
        Assert.Equal("None", commerce[2]);
        Assert.Equal("Enabled", commerce[3]);
        Assert.StartsWith("Licensing", licensing[0], StringComparison.Ordinal);
        Assert.StartsWith("Signed license keys", licensing[1], StringComparison.Ordinal);
        Assert.Equal("CP.Commerce", licensing[2]);
        Assert.Equal("Enabled", licensing[3]);
    }

    [Fact]
    public async Task Disabling_commerce_while_licensing_is_enabled_is_refused_with_a_message()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        var (page, notice, error) = await ChangeAsync(admin, "CP.Commerce", "disable");

        Assert.Equal(string.Empty, notice);
        Assert.Equal("Commerce cannot be disabled while Licensing, Downloads depend on it. Disable Licensing, Downloads first.", error);
        Assert.Equal("Enabled", State(page, "CP.Commerce"));
        Assert.True(site.Services.GetRequiredService<IModuleState>().IsEnabled("CP.Commerce"));
    }

    [Fact]
    public async Task Disabling_licensing_then_commerce_works_and_enabling_licensing_enables_commerce_first()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var modules = site.Services.GetRequiredService<IModuleState>();

        var (afterLicensing, licensingOff, _) = await ChangeAsync(admin, "CP.Licensing", "disable");
        Assert.Equal("Licensing disabled.", licensingOff);
        await ChangeAsync(admin, CP.Downloads.Manifest.Id, "disable");
        Assert.Equal(("Enabled", "Disabled"), (State(afterLicensing, "CP.Commerce"), State(afterLicensing, "CP.Licensing")));

        var (afterCommerce, commerceOff, _) = await ChangeAsync(admin, "CP.Commerce", "disable");
        Assert.Equal("Commerce disabled.", commerceOff);
        Assert.Equal(("Disabled", "Disabled"), (State(afterCommerce, "CP.Commerce"), State(afterCommerce, "CP.Licensing")));
        Assert.False(modules.IsEnabled("CP.Commerce"));

        var (afterEnable, enabled, _) = await ChangeAsync(admin, "CP.Licensing", "enable");
        Assert.Equal("Licensing enabled, with its dependencies CP.Commerce.", enabled);
        Assert.Equal(("Enabled", "Enabled"), (State(afterEnable, "CP.Commerce"), State(afterEnable, "CP.Licensing")));
        Assert.True(modules.IsEnabled("CP.Commerce") && modules.IsEnabled("CP.Licensing"));
    }

    [Fact]
    public async Task With_the_modules_disabled_the_admin_menu_holds_only_the_host_items()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        await ChangeAsync(admin, "CP.Licensing", "disable");
        await ChangeAsync(admin, CP.Downloads.Manifest.Id, "disable");
        await ChangeAsync(admin, "CP.Commerce", "disable");

        var dashboard = await admin.GetDocumentAsync("/admin");

        // Extend once CP.Commerce and CP.Licensing have AdminMenu classes: with both enabled the menu must also
        // hold /admin/products, /admin/orders and /admin/licenses, and those routes must 404 here.
        Assert.Equal(HostMenuLinks, MenuLinks(dashboard));
    }

    [Fact]
    public async Task A_disabled_module_loses_its_menu_items_and_its_routes_answer_404()
    {
        await using var site = TestSite.Start(GadgetsModule.AddTo);
        var admin = await site.AdminAsync();
        using var whileDisabled = await admin.GetAsync(GadgetsModule.Route);
        Assert.Equal(HttpStatusCode.NotFound, whileDisabled.StatusCode);
        Assert.DoesNotContain(GadgetsModule.AdminUrl, MenuLinks(await admin.GetDocumentAsync("/admin")));

        var (enabledPage, _, _) = await ChangeAsync(admin, GadgetsModule.Id, "enable");
        Assert.Contains(GadgetsModule.AdminUrl, MenuLinks(enabledPage));
        using var whileEnabled = await site.CreateClient().GetAsync(GadgetsModule.Route);
        Assert.Equal(HttpStatusCode.OK, whileEnabled.StatusCode);
        Assert.Equal("pong", await whileEnabled.Content.ReadAsStringAsync());

        var (disabledPage, _, _) = await ChangeAsync(admin, GadgetsModule.Id, "disable");
        Assert.DoesNotContain(GadgetsModule.AdminUrl, MenuLinks(disabledPage));
        Assert.Equal(HostMenuLinks.Length, MenuLinks(disabledPage).Intersect(HostMenuLinks).Count());
        using var afterDisable = await site.CreateClient().GetAsync(GadgetsModule.Route);
        Assert.Equal(HttpStatusCode.NotFound, afterDisable.StatusCode);
    }

    [Fact]
    public async Task Module_states_are_stored_in_the_database_and_survive_a_restart()
    {
        var appData = Path.Combine(Path.GetTempPath(), "storesite-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = TestSite.Start(o => o.AppData = appData))
            {
                await ChangeAsync(await first.AdminAsync(), "CP.Licensing", "disable");
            }

            await using var second = TestSite.Start(o => o.AppData = appData);
            var page = await (await second.AdminAsync()).GetDocumentAsync("/admin/modules");
            Assert.Equal(("Enabled", "Disabled"), (State(page, "CP.Commerce"), State(page, "CP.Licensing")));
            Assert.False(second.Services.GetRequiredService<IModuleState>().IsEnabled("CP.Licensing"));
        }
        finally
        {
            Directory.Delete(appData, recursive: true);
        }
    }

    [Fact]
    public async Task Unknown_module_ids_answer_404()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var token = Html.AntiforgeryToken(await admin.GetDocumentAsync("/admin/modules"));

        using var response = await admin.PostAsync("/admin/modules/CP.Nope/enable", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
