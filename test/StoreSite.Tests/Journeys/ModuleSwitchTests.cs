using System.Net;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Journeys;

/// <summary>Switching the real modules off and on from Admin -> Modules: routes, menus, widgets and events follow.</summary>
public sealed class ModuleSwitchTests
{
    private static async Task ChangeAsync(HttpClient admin, string moduleId, string action)
    {
        using var response = await admin.SubmitFormAsync("/admin/modules", $"form[action='/admin/modules/{moduleId}/{action}']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<List<string>> MenuAsync(HttpClient admin) =>
        (await admin.GetDocumentAsync("/admin")).QuerySelectorAll(".admin-menu a").Select(a => a.GetAttribute("href")!).ToList();

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    [Fact]
    public async Task With_both_modules_enabled_their_menu_items_pages_and_widgets_are_there()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        var menu = await MenuAsync(admin);

        Assert.Contains("/admin/products", menu);
        Assert.Contains("/admin/orders", menu);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin, "/products"));
        var home = await site.CreateClient().GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector(".site-nav a[href='/products']"));
    }

    [Fact]
    public async Task Disabling_licensing_hides_the_Verify_API_and_stops_issuing_keys_while_commerce_keeps_selling()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var admin = await site.AdminAsync();

        await ChangeAsync(admin, "CP.Licensing", "disable");

        using var verify = await LicensingArrange.VerifyAsync(site.CreateClient(), "CP-000000-000000-000000-000000-G9QNRA", "example.com");
        Assert.Equal(HttpStatusCode.NotFound, verify.StatusCode);
        var (_, number) = await Commerce.Store.PaidOrderAsync(site, "nokeys@example.com");
        Assert.Empty(await LicensingArrange.AllAsync(site));
        Assert.Equal(CP.Commerce.Models.OrderStatus.Paid, (await Commerce.Store.OrderAsync(site, number)).Status);

        await ChangeAsync(admin, "CP.Licensing", "enable");

        using var again = await LicensingArrange.VerifyAsync(site.CreateClient(), "CP-000000-000000-000000-000000-G9QNRA", "example.com");
        Assert.NotEqual(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Disabling_both_modules_makes_their_pages_404_and_removes_their_menu_items_and_widgets()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        await ChangeAsync(admin, "CP.Licensing", "disable");
        await ChangeAsync(admin, "CP.Downloads", "disable");
        await ChangeAsync(admin, "CP.Commerce", "disable");

        foreach (var path in new[] { "/products", "/products/site-builder-pro", "/cart", "/checkout", "/admin/products", "/admin/orders", "/account/orders" })
        {
            Assert.True(await StatusAsync(admin, path) == HttpStatusCode.NotFound, path);
        }

        var menu = await MenuAsync(admin);
        Assert.DoesNotContain("/admin/products", menu);
        Assert.DoesNotContain("/admin/orders", menu);
        var home = await site.CreateClient().GetDocumentAsync("/");
        Assert.Null(home.QuerySelector(".site-nav a[href='/products']"));

        await ChangeAsync(admin, "CP.Licensing", "enable");

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin, "/admin/products"));
        Assert.Contains("/admin/orders", await MenuAsync(admin));
    }
}
