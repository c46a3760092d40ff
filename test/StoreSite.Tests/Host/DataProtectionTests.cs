using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Data;

namespace StoreSite.Tests.Host;

public sealed class DataProtectionTests
{
    private static Task<int> KeyCountAsync(TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<StoreSiteDbContext>().DataProtectionKeys.CountAsync());

    [Fact]
    public async Task After_setup_data_protection_keys_are_stored_in_the_database_not_in_app_data()
    {
        await using var site = TestSite.Start();

        await site.AdminAsync();

        Assert.True(await KeyCountAsync(site) >= 1);
        var keyFiles = Directory.Exists(Path.Combine(site.AppData, "keys")) ? Directory.GetFiles(Path.Combine(site.AppData, "keys")) : [];
        Assert.Empty(keyFiles);
    }

    [Fact]
    public async Task Keys_made_on_the_setup_page_move_into_the_database_so_its_cookies_stay_valid()
    {
        await using var site = TestSite.Start(o => o.Recipe = null);
        var client = site.CreateClient();

        using var response = await client.SubmitFormAsync("/setup", "form[action='/setup']", new Dictionary<string, string>
        {
            ["SiteName"] = "Keys Store",
            ["Recipe"] = "store",
            ["DatabaseProvider"] = "Sqlite",
            ["AdminEmail"] = "owner@example.com",
            ["AdminPassword"] = "Owner-Passw0rd",
            ["ConfirmPassword"] = "Owner-Passw0rd",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await KeyCountAsync(site) >= 1);
        using var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Two_nodes_on_one_postgres_database_accept_each_others_sign_in_and_antiforgery_cookies()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var nodeA = TestSite.Start(o => o.PostgresConnectionString = database.ConnectionString);
        await using var nodeB = TestSite.Start(o => o.PostgresConnectionString = database.ConnectionString);
        var browser = new System.Net.CookieContainer();
        using var viaA = SharedCookiesHandler.ClientOf(nodeA, browser);
        using var viaB = SharedCookiesHandler.ClientOf(nodeB, browser);

        using var signedIn = await viaA.SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = TestSite.AdminEmail,
            ["Password"] = TestSite.AdminPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var adminOnB = await viaB.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, adminOnB.StatusCode);
        var formFromA = await viaA.GetDocumentAsync("/admin/settings");
        using var savedOnB = await viaB.SubmitFormAsync(formFromA, "form[action='/admin/settings']", new Dictionary<string, string> { ["SiteName"] = "Saved Across Nodes" });
        Assert.Equal(HttpStatusCode.Redirect, savedOnB.StatusCode);
        var settingsOnA = await viaA.GetDocumentAsync("/admin/settings");
        Assert.Equal("Saved Across Nodes", settingsOnA.QuerySelector("input[name='SiteName']")?.GetAttribute("value"));
    }
}
