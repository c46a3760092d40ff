using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CP.Licensing.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Recipes;

namespace StoreSite.BrowserTests;

/// <summary>The licensing pages in Chromium: an admin revokes a key; a customer copies one.</summary>
public sealed class LicensingBrowserTests
{
    private const string CustomerEmail = "buyer@example.com";

    [Fact]
    public async Task An_admin_searches_a_key_opens_it_suspends_reinstates_and_revokes_it_and_verify_follows_each()
    {
        await using var site = TestSite.Start(o => o.Kestrel = true);
        var keys = await ImportAsync(site, ("Gallery Pro", "shop.example.com"), ("Forms Plus", null));
        var key = keys[0];
        await using var browser = await Browser.LaunchAsync(site.BaseAddress, nameof(An_admin_searches_a_key_opens_it_suspends_reinstates_and_revokes_it_and_verify_follows_each));
        var page = browser.Page;
        await SignInAsync(page, TestSite.AdminEmail, TestSite.AdminPassword);

        await page.GotoAsync("/admin/licenses");
        await page.GetByRole(AriaRole.Link, new() { Name = "Licenses", Exact = true }).WaitForAsync();
        await page.GetByLabel("Search").FillAsync(key[^6..]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.ArrivedAsync(url => url.AbsolutePath == "/admin/licenses" && url.Query.StartsWith("?q=", StringComparison.Ordinal));
        await browser.ScreenshotAsync("licenses-search");
        var rows = page.Locator("table.licenses tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal(["License Key", "Customer", "Product", "Expiry", "Max Activations", "Activations Used", "Status", "Select"], await page.Locator("table.licenses thead th").AllInnerTextsAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = key }).ClickAsync();
        await page.ArrivedAsync(url => url.AbsolutePath.StartsWith("/admin/licenses/", StringComparison.Ordinal) && !url.AbsolutePath.EndsWith("/revoke", StringComparison.Ordinal));
        await browser.ScreenshotAsync("license-detail");
        Assert.Equal("Active", await page.Locator(".license-status").InnerTextAsync());
        Assert.Equal("shop.example.com", await page.Locator("table.environments tbody td").First.InnerTextAsync());

        // Suspend (a reason is required), then reinstate: Verify follows each at once.
        using var http = new HttpClient { BaseAddress = site.BaseAddress };
        async Task<string> VerifyCodeAsync()
        {
            using var answer = await http.PostAsJsonAsync("/api/v1/licenses/verify", new Dictionary<string, string> { ["license_key"] = key, ["domain"] = "shop.example.com", ["ip"] = "203.0.113.5" });
            using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            // A valid answer carries no code.
            return json.RootElement.GetProperty("valid").GetBoolean() ? "valid" : json.RootElement.GetProperty("code").GetString()!;
        }

        await page.Locator("form.suspend-form").GetByLabel("Reason").FillAsync("Chargeback under review");
        await page.Locator("form.suspend-form").GetByRole(AriaRole.Button, new() { Name = "Suspend" }).ClickAsync();
        await page.Locator("form.reinstate-form").WaitForAsync();
        await browser.ScreenshotAsync("license-suspended");
        Assert.Equal("Suspended", await page.Locator(".license-status").InnerTextAsync());
        Assert.Equal("suspended", await VerifyCodeAsync());

        await page.Locator("form.reinstate-form").GetByRole(AriaRole.Button, new() { Name = "Reinstate" }).ClickAsync();
        await page.Locator("form.suspend-form").WaitForAsync();
        Assert.Equal("Active", await page.Locator(".license-status").InnerTextAsync());
        Assert.Equal("valid", await VerifyCodeAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Revoke" }).ClickAsync();
        await page.ArrivedAsync(url => url.AbsolutePath.EndsWith("/revoke", StringComparison.Ordinal));
        Assert.Contains("Revocation is permanent.", await page.Locator(".revoke-warning").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Reason").FillAsync("Key shared publicly");
        await browser.ScreenshotAsync("revoke-confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke permanently" }).ClickAsync();

        await page.Locator(".license-status.badge-revoked").WaitForAsync();
        await browser.ScreenshotAsync("license-revoked");
        Assert.Equal("Revoked", await page.Locator(".license-status").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Revoke" }).CountAsync());
        Assert.Equal(0, await page.Locator("form.max-activations-form").CountAsync());
        Assert.Contains("Key shared publicly", await page.Locator(".revocation-reason").InnerTextAsync(), StringComparison.Ordinal);

        using var verify = await http.PostAsJsonAsync("/api/v1/licenses/verify", new Dictionary<string, string> { ["license_key"] = key, ["domain"] = "shop.example.com", ["ip"] = "203.0.113.5" });
        Assert.Equal(HttpStatusCode.Forbidden, verify.StatusCode);
        using var body = JsonDocument.Parse(await verify.Content.ReadAsStringAsync());
        Assert.Equal("License has been revoked.", body.RootElement.GetProperty("reason").GetString());
        Assert.Equal("revoked", body.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_customer_opens_account_licenses_and_copies_a_key()
    {
        await using var site = TestSite.Start(o => o.Kestrel = true);
        var keys = await ImportAsync(site, ("Gallery Pro", "shop.example.com"));
        await using var browser = await Browser.LaunchAsync(site.BaseAddress, nameof(A_customer_opens_account_licenses_and_copies_a_key));
        var page = browser.Page;
        await SignInAsync(page, CustomerEmail, TestSite.CustomerPassword);

        await page.GotoAsync("/account");
        await browser.ScreenshotAsync("account-dashboard");
        Assert.Contains("You have 1 active license key.", await page.Locator("section.account-licenses").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "View and copy your license keys" }).ClickAsync();
        await page.ArrivedAtAsync("/account/licenses");
        var field = page.GetByLabel("License key for Gallery Pro");
        Assert.Equal(keys[0], await field.InputValueAsync());
        Assert.Equal("1 of 5", await page.Locator("table.customer-licenses tbody td").Nth(2).InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();

        await page.Locator(".copy-status", new() { HasTextString = "Copied" }).WaitForAsync();
        await browser.ScreenshotAsync("account-licenses-copied");
        Assert.Equal(keys[0], await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await field.FocusAsync();
        Assert.Equal(keys[0].Length, await page.EvaluateAsync<int>("() => document.activeElement.selectionEnd - document.activeElement.selectionStart"));
    }

    [Fact]
    public async Task A_customer_opens_a_key_from_account_licenses_and_deactivates_a_site()
    {
        await using var site = TestSite.Start(o => o.Kestrel = true);
        await ImportAsync(site, ("Gallery Pro", "shop.example.com"));
        await using var browser = await Browser.LaunchAsync(site.BaseAddress, nameof(A_customer_opens_a_key_from_account_licenses_and_deactivates_a_site));
        var page = browser.Page;
        await SignInAsync(page, CustomerEmail, TestSite.CustomerPassword);

        await page.GotoAsync("/account/licenses");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gallery Pro" }).ClickAsync();
        await page.ArrivedAsync(url => url.AbsolutePath.StartsWith("/account/licenses/", StringComparison.Ordinal));
        Assert.Equal("1 of 5", await page.Locator(".activations-used").InnerTextAsync());
        Assert.Equal("3 of 3 deactivations left this month (any 30 days).", await page.Locator(".deactivation-allowance").InnerTextAsync());
        await browser.ScreenshotAsync("key-page");
        await page.SetViewportSizeAsync(390, 844);
        await browser.ScreenshotAsync("key-page-390");
        await page.SetViewportSizeAsync(1280, 900);

        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactivate shop.example.com" }).ClickAsync();

        await page.Locator(".notice", new() { HasTextString = "Deactivated shop.example.com" }).WaitForAsync();
        await browser.ScreenshotAsync("key-page-deactivated");
        Assert.StartsWith("Deactivate shop.example.com (198.51.100.7)?", asked, StringComparison.Ordinal);
        Assert.Equal("0 of 5", await page.Locator(".activations-used").InnerTextAsync());
        Assert.Equal("2 of 3 deactivations left this month (any 30 days).", await page.Locator(".deactivation-allowance").InnerTextAsync());
        Assert.Equal(0, await page.Locator("table.environments").CountAsync());
        Assert.Equal("Site deactivated", await page.Locator("table.history tbody tr").Last.Locator("td").Nth(1).InnerTextAsync());
        Assert.Equal(0, await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().LicenseActivations.CountAsync()));
    }

    [Fact]
    public async Task An_admin_chooses_a_plan_on_Generate_License_the_script_fills_in_its_settings_and_the_key_takes_them()
    {
        await using var site = TestSite.Start(o => o.Kestrel = true);
        await ImportAsync(site);
        await using var browser = await Browser.LaunchAsync(site.BaseAddress, nameof(An_admin_chooses_a_plan_on_Generate_License_the_script_fills_in_its_settings_and_the_key_takes_them));
        var page = browser.Page;
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        page.Console += (_, message) =>
        {
            // Script errors and CSP refusals (a missing favicon is neither).
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                problems.Add(message.Text);
            }
        };
        await SignInAsync(page, TestSite.AdminEmail, TestSite.AdminPassword);

        await page.GotoAsync("/admin/licenses/generate");
        await page.GetByLabel("Customer email").FillAsync(CustomerEmail);
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Use the plan's settings" }).IsVisibleAsync());
        await page.GetByLabel("Plan", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Agency (5 sites)" });
        Assert.Equal("5", await page.GetByLabel("Max Activations").InputValueAsync());
        Assert.Equal("Site Builder Pro", (await page.GetByLabel("Product", new() { Exact = true }).Locator("option:checked").InnerTextAsync()).Trim());
        Assert.NotEqual(string.Empty, await page.GetByLabel("Expiry date").InputValueAsync());
        await page.GetByLabel("Max Activations").FillAsync("6");
        await browser.ScreenshotAsync("generate-plan-chosen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create license" }).ClickAsync();

        await page.Locator(".license-status").WaitForAsync();
        await browser.ScreenshotAsync("generated-key");
        var license = await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().Licenses.SingleAsync());
        Assert.Equal(6, license.MaxActivations);
        Assert.NotNull(license.PlanId);
        Assert.Equal("Site Builder Pro", license.ProductName);
        Assert.Empty(problems);
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArrivedAsync(url => url.AbsolutePath != "/account/login");
    }

    /// <summary>The customer and one license per product (Max Activations 5, with an environment when given), through the Users and Licenses recipe steps.</summary>
    private static async Task<IReadOnlyList<string>> ImportAsync(TestSite site, params (string Product, string? Domain)[] licenses)
    {
        var recipe = new JsonObject
        {
            ["name"] = "browser-licenses",
            ["steps"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "Users",
                    ["Users"] = new JsonArray(new JsonObject { ["email"] = CustomerEmail, ["password"] = TestSite.CustomerPassword, ["roles"] = new JsonArray("Customer") }),
                },
                new JsonObject
                {
                    ["name"] = "Licenses",
                    ["licenses"] = new JsonArray(licenses.Select(l => (JsonNode)new JsonObject
                    {
                        ["customerEmail"] = CustomerEmail,
                        ["product"] = l.Product,
                        ["maxActivations"] = 5,
                        ["activations"] = l.Domain is null ? new JsonArray() : new JsonArray(new JsonObject { ["domain"] = l.Domain, ["ip"] = "198.51.100.7" }),
                    }).ToArray()),
                }),
        };
        var result = await site.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe.ToJsonString(), CancellationToken.None));
        Assert.True(result.Succeeded, result.Error);
        return await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().Licenses.OrderBy(l => l.Id).Select(l => l.Key).ToListAsync());
    }
}
