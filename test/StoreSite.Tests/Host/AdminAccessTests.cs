using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Security;

namespace StoreSite.Tests.Host;

public sealed class AdminAccessTests
{
    [Fact]
    public async Task Every_host_admin_action_declares_a_permission_policy_on_itself()
    {
        await using var site = TestSite.Start();
        var catalog = site.Services.GetRequiredService<PermissionCatalog>();

        var endpoints = HostAdminEndpoint.All(site);

        Assert.Contains(endpoints, e => e.Url == "/admin/users" && e.Method == "GET");
        Assert.Contains(endpoints, e => e.Url == "/admin/modules/CP.Commerce/disable" && e.Method == "POST");
        Assert.All(endpoints, e => Assert.True(e.Policy is not null && catalog.Find(e.Policy) is not null, $"{e} has no permission policy"));
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/create")]
    [InlineData("/admin/modules")]
    [InlineData("/admin/recipes")]
    [InlineData("/admin/settings")]
    public async Task Anonymous_admin_pages_redirect_to_sign_in_with_the_return_url(string path)
    {
        await using var site = TestSite.Start();

        using var response = await site.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/login?ReturnUrl={Uri.EscapeDataString(path)}", response.Target()?.PathAndQuery);
    }

    [Fact]
    public async Task Anonymous_requests_to_every_host_admin_action_are_sent_to_sign_in()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();
        var token = Html.AntiforgeryToken(await client.GetDocumentAsync("/account/login"));

        foreach (var endpoint in HostAdminEndpoint.All(site))
        {
            using var response = await SendAsync(client, endpoint, token);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{endpoint} answered {(int)response.StatusCode}");
            Assert.StartsWith("/account/login?ReturnUrl=", response.Target()?.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_customer_gets_403_on_every_host_admin_action_and_changes_nothing()
    {
        await using var site = TestSite.Start();
        var customer = await site.RegisterCustomerAsync("curious@example.com");
        var token = Html.AntiforgeryToken(await customer.GetDocumentAsync("/account/change-password"));
        var endpoints = HostAdminEndpoint.All(site);
        Assert.True(endpoints.Count >= 12, string.Join(", ", endpoints));

        foreach (var endpoint in endpoints)
        {
            using var response = await SendAsync(customer, endpoint, token);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{endpoint} answered {(int)response.StatusCode}");
        }

        var admin = await site.AdminAsync();
        var modules = await admin.GetDocumentAsync("/admin/modules");
        Assert.Equal("Enabled", modules.QuerySelector("tr[data-module='CP.Commerce'] .badge")?.TextContent.Trim());
        var page = await customer.GetDocumentAsync("/account");
        Assert.Null(page.QuerySelector("a[href='/admin']"));
    }

    [Fact]
    public async Task A_role_with_one_permission_opens_only_its_pages_and_sees_only_its_menu_items()
    {
        await using var site = TestSite.Start();
        var result = await site.RunRecipeAsync("""
            {
              "name": "support",
              "steps": [
                { "name": "Roles", "Roles": [ { "Name": "Support", "Permissions": [ "AccessAdminPanel", "ManageUsers" ] } ] },
                { "name": "Users", "Users": [ { "email": "support@example.com", "password": "Support-Passw0rd", "roles": [ "Support" ] } ] }
              ]
            }
            """);
        Assert.True(result.Succeeded, result.Error);
        var support = await site.SignInAsync("support@example.com", "Support-Passw0rd");

        var dashboard = await support.GetDocumentAsync("/admin");
        using var users = await support.GetAsync("/admin/users");
        using var settings = await support.GetAsync("/admin/settings");
        using var modules = await support.GetAsync("/admin/modules");

        Assert.Equal(["/admin", "/admin/users"], dashboard.QuerySelectorAll(".admin-menu a").Select(a => a.GetAttribute("href")));
        Assert.Null(dashboard.QuerySelector(".orders-dashboard"));
        Assert.Null(dashboard.QuerySelector(".licenses-dashboard"));
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, settings.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, modules.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HostAdminEndpoint endpoint, string token) =>
        endpoint.Method == "GET"
            ? client.GetAsync(endpoint.Url)
            : client.PostAsync(endpoint.Url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
}
