using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>Who may open the licensing pages, and antiforgery on their forms.</summary>
public sealed class LicensingPagesAccessTests
{
    [Fact]
    public async Task Every_licenses_admin_action_requires_ManageLicenses_on_itself()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        var endpoints = AdminEndpoints(site, licenseId: 1, environmentId: 1);

        Assert.Equal(
            [
                "GET /admin/licenses", "GET /admin/licenses/1", "GET /admin/licenses/1/history/export", "GET /admin/licenses/1/revoke", "GET /admin/licenses/export",
                "GET /admin/licenses/generate", "GET /admin/licenses/history/export",
                "POST /admin/licenses/1/environments/1/remove", "POST /admin/licenses/1/expiry", "POST /admin/licenses/1/max-activations", "POST /admin/licenses/1/reinstate", "POST /admin/licenses/1/revoke",
                "POST /admin/licenses/1/suspend", "POST /admin/licenses/1/transfer", "POST /admin/licenses/bulk", "POST /admin/licenses/generate", "POST /admin/licensing/settings",
            ],
            endpoints.Select(e => $"{e.Method} {e.Url}").Order(StringComparer.Ordinal));
        Assert.All(endpoints, e => Assert.Equal(nameof(CP.Licensing.Permissions.ManageLicenses), e.Policy));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_licensing_page_and_post()
    {
        await using var site = await LicensingSite.StartAsync();
        var (id, environmentId) = await ArrangeActivatedKeyAsync(site);
        var client = site.CreateClient();
        var token = Html.AntiforgeryToken(await client.GetDocumentAsync("/account/login"));

        foreach (var (method, url, _) in AdminEndpoints(site, id, environmentId).Append(("GET", "/account/licenses", null)))
        {
            using var response = await SendAsync(client, method, url, token);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {url} answered {(int)response.StatusCode}");
            Assert.StartsWith("/account/login?ReturnUrl=", response.Target()?.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.False((await LoadAsync(site, (await AllAsync(site)).Single().Key)).RevokedAt.HasValue);
    }

    [Fact]
    public async Task A_customer_gets_403_on_every_licenses_admin_page_and_post_and_changes_nothing()
    {
        await using var site = await LicensingSite.StartAsync();
        var (id, environmentId) = await ArrangeActivatedKeyAsync(site);
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);
        var token = Html.AntiforgeryToken(await customer.GetDocumentAsync("/account/change-password"));

        foreach (var (method, url, _) in AdminEndpoints(site, id, environmentId))
        {
            using var response = await SendAsync(customer, method, url, token);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url} answered {(int)response.StatusCode}");
        }

        var license = (await AllAsync(site)).Single();
        Assert.Null(license.RevokedAt);
        Assert.Null(license.SuspendedAt);
        Assert.Null(license.ExpiresOn);
        Assert.Equal(CustomerEmail, license.CustomerEmail);
        Assert.Equal(1, license.ActivationsUsed);
        Assert.Equal(2, license.MaxActivations);
        Assert.Single(await AllAsync(site));
        Assert.Empty((await customer.GetDocumentAsync("/account")).QuerySelectorAll("a[href^='/admin']"));
    }

    [Fact]
    public async Task Revoke_free_slot_change_limit_and_generate_posts_without_an_antiforgery_token_answer_400()
    {
        await using var site = await LicensingSite.StartAsync();
        var (id, environmentId) = await ArrangeActivatedKeyAsync(site);
        var admin = await site.AdminAsync();
        var forms = new Dictionary<string, (string Page, string Form, Dictionary<string, string> Values)>
        {
            ["revoke"] = ($"/admin/licenses/{id}/revoke", "form.revoke-form", new() { ["Reason"] = "No token" }),
            ["free slot"] = ($"/admin/licenses/{id}", "form.free-slot-form", new()),
            ["change limit"] = ($"/admin/licenses/{id}", "form.max-activations-form", new() { ["MaxActivations"] = "9" }),
            ["generate"] = ("/admin/licenses/generate", "form.generate-form", new() { ["CustomerEmail"] = CustomerEmail, ["ProductName"] = "Gallery Pro" }),
            ["suspend"] = ($"/admin/licenses/{id}", "form.suspend-form", new() { ["Reason"] = "No token" }),
            ["expiry"] = ($"/admin/licenses/{id}", "form.expiry-form", new() { ["lifetime"] = "false", ["Expiry"] = "2030-01-01" }),
            ["transfer"] = ($"/admin/licenses/{id}", "form.transfer-form", new() { ["customerEmail"] = "someone@example.com" }),
            ["bulk"] = ("/admin/licenses", "form.bulk-form", new() { ["ids"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["action"] = "suspend", ["reason"] = "No token" }),
        };

        foreach (var (name, (page, form, values)) in forms)
        {
            var document = await admin.GetDocumentAsync(page);
            Assert.NotNull(document.QuerySelector($"{form} input[name='__RequestVerificationToken']"));
            var fields = Html.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector(form)!)
                .Where(f => f.Key != "__RequestVerificationToken")
                .Concat(values)
                .ToList();
            using var response = await admin.PostAsync(document.QuerySelector(form)!.GetAttribute("action"), new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name} answered {(int)response.StatusCode}");
        }

        var license = (await AllAsync(site)).Single();
        Assert.Null(license.RevokedAt);
        Assert.Null(license.SuspendedAt);
        Assert.Null(license.ExpiresOn);
        Assert.Equal(1, license.ActivationsUsed);
        Assert.Equal(2, license.MaxActivations);
    }

    [Fact]
    public async Task The_licenses_pages_answer_404_while_licensing_is_disabled()
    {
        await using var site = await LicensingSite.StartAsync();
        var (id, _) = await ArrangeActivatedKeyAsync(site);
        await RunRecipeAsync(site, new System.Text.Json.Nodes.JsonObject { ["name"] = "feature", ["disable"] = new System.Text.Json.Nodes.JsonArray("CP.Licensing") });
        var admin = await site.AdminAsync();
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);

        foreach (var url in new[] { "/admin/licenses", $"/admin/licenses/{id}", "/admin/licenses/export" })
        {
            using var response = await admin.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
        }

        using var own = await customer.GetAsync("/account/licenses");
        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        Assert.DoesNotContain("Licenses", (await admin.GetDocumentAsync("/admin")).QuerySelectorAll("nav.admin-menu a").Select(a => a.TextContent.Trim()));
        Assert.Null((await customer.GetDocumentAsync("/account")).QuerySelector("section.account-licenses"));
    }

    /// <summary>The customer's key with Max Activations 2 and one environment.</summary>
    private static async Task<(int Id, int EnvironmentId)> ArrangeActivatedKeyAsync(TestSite site)
    {
        var key = await IssueAsync(site, maxActivations: 2);
        await AssertValidAsync(await VerifyAsync(site.CreateClient(), key, "shop.example.com", from: "10.0.0.1"));
        var license = await LoadAsync(site, key);
        return (license.Id, license.Activations.Single().Id);
    }

    private static List<(string Method, string Url, string? Policy)> AdminEndpoints(TestSite site, int licenseId, int environmentId)
    {
        var module = typeof(CP.Licensing.Permissions).Assembly;
        return site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("admin/", StringComparison.Ordinal) == true)
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(e => e.Action?.ControllerTypeInfo.Assembly == module)
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (
                method,
                "/" + e.Endpoint.RoutePattern.RawText!.TrimStart('/')
                    .Replace("{id:int}", licenseId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{environmentId:int}", environmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
                e.Action!.MethodInfo.GetCustomAttributes<AuthorizeAttribute>().FirstOrDefault()?.Policy)))
            .ToList();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string token) =>
        method == "POST"
            ? client.PostAsync(url, LicenseSlotsTests.Form(token, ("Reason", "x"), ("MaxActivations", "0"), ("CustomerEmail", CustomerEmail), ("ProductName", "P"), ("lifetime", "true"), ("ids", "1"), ("all", "true"), ("action", "revoke"), ("customerEmail", "someone@example.com")))
            : client.GetAsync(url);
}
