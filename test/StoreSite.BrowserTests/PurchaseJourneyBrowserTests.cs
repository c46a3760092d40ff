using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Playwright;
using MimeKit;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.BrowserTests;

/// <summary>
/// The whole product in Chromium, as people click through it: a site builder sets the store up,
/// the admin sells a licensed plan, a customer buys it and finds the key everywhere, the installed
/// product verifies it, the admin refunds, and the key dies everywhere.
/// </summary>
public sealed class PurchaseJourneyBrowserTests
{
    private const string AdminEmail = "owner@example.com";
    private const string AdminPassword = "Owner-Passw0rd";
    private const string CustomerEmail = "customer@example.com";
    private const string CustomerPassword = "Customer-Passw0rd1";

    [Fact]
    public async Task From_setup_to_purchase_to_verify_to_refund_the_key_lives_and_dies_everywhere()
    {
        await using var site = TestSite.Start(o =>
        {
            o.Recipe = null;
            o.Kestrel = true;
            o.Settings["StoreSite:Licensing:Verify:PermitPerMinute"] = "1000";
        });
        await using var browser = await Browser.LaunchAsync(site.BaseAddress, nameof(From_setup_to_purchase_to_verify_to_refund_the_key_lives_and_dies_everywhere));
        var page = browser.Page;
        try
        {
            // 1. A fresh site, set up through /setup with the store recipe.
            await page.GotoAsync("/");
            Assert.EndsWith("/setup", page.Url, StringComparison.Ordinal);
            await page.GetByLabel("Site name").FillAsync("Journey Store");
            Assert.True(await page.Locator("input[name='Recipe'][value='store']").IsCheckedAsync());
            await page.GetByLabel("Admin email").FillAsync(AdminEmail);
            await page.GetByLabel("Admin password").FillAsync(AdminPassword);
            await page.GetByLabel("Confirm password").FillAsync(AdminPassword);
            await browser.ScreenshotAsync("setup");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set up" }).ClickAsync();
            await page.ArrivedAtAsync("/admin");
            await browser.ScreenshotAsync("admin-dashboard");

            // 2. The admin creates a product with a licensed plan: Max Activations 1, one year.
            await page.GotoAsync("/admin/products");
            await page.GetByRole(AriaRole.Link, new() { Name = "New product" }).ClickAsync();
            await page.GetByLabel("Name").FillAsync("Gallery Pro");
            await page.GetByLabel("Description").FillAsync("A **gallery** plugin.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Add a plan" }).ClickAsync();
            await page.GetByLabel("Plan name").FillAsync("One site, one year");
            await page.GetByLabel("Price", new() { Exact = true }).FillAsync("29.00");
            await page.GetByLabel("Issue License Key?").CheckAsync();
            await page.GetByLabel("Validity", new() { Exact = true }).SelectOptionAsync("Years");
            await page.GetByLabel("Valid for (days, weeks, months or years)").FillAsync("1");
            await page.GetByLabel("Max Activations").FillAsync("1");
            await browser.ScreenshotAsync("licensed-plan");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
            await page.Locator(".notice-success", new() { HasText = "Plan One site, one year saved." }).WaitForAsync();
            await SignOutAsync(page);

            // 3. A customer registers and buys it with the test payment.
            await page.GotoAsync("/account/register");
            await page.GetByLabel("Email").FillAsync(CustomerEmail);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(CustomerPassword);
            await page.GetByLabel("Confirm password").FillAsync(CustomerPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await page.ArrivedAtAsync("/account");
            await page.GotoAsync("/products/gallery-pro");
            await browser.ScreenshotAsync("product-page");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
            await page.ArrivedAtAsync("/cart");
            await page.GetByRole(AriaRole.Link, new() { Name = "Check out" }).ClickAsync();
            await page.ArrivedAtAsync("/checkout");
            Assert.Contains("Test mode", await page.Locator("main").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
            await browser.ScreenshotAsync("checkout");
            await page.GetByRole(AriaRole.Button, new() { Name = "Pay 29.00 USD" }).ClickAsync();
            await page.ArrivedAsync(url => url.AbsolutePath.StartsWith("/checkout/done/", StringComparison.Ordinal));
            var number = page.Url[(page.Url.LastIndexOf('/') + 1)..];

            // 4. The key on the confirmation page, on Account -> Licenses and in the email.
            var key = await page.Locator(".license-keys input").InputValueAsync();
            Assert.Matches("^CP-([0-9A-HJKMNP-TV-Z]{6}-){4}[0-9A-HJKMNP-TV-Z]{6}$", key);
            await browser.ScreenshotAsync("confirmation-with-key");
            await page.GotoAsync("/account/licenses");
            Assert.Equal(key, await page.GetByLabel("License key for Gallery Pro").InputValueAsync());
            await browser.ScreenshotAsync("account-licenses");
            var mail = Directory.GetFiles(site.MailFolder, "*.eml").Select(f => MimeMessage.Load(f)).Single(m => m.Subject?.Contains(number, StringComparison.Ordinal) == true);
            Assert.Contains(key, mail.TextBody, StringComparison.Ordinal);
            Assert.Equal(CustomerEmail, mail.To.Mailboxes.Single().Address);

            // 5. The product's Verify call: one domain runs, a second (another server) is over the limit.
            await AssertVerifyAsync(site, key, "gallery.example.com", "127.0.0.2", HttpStatusCode.OK, expectedReason: null);
            await AssertVerifyAsync(site, key, "other-shop.example.com", "127.0.0.3", HttpStatusCode.Forbidden, "Max activations exceeded.");

            // 6. The admin refunds the order with a reason.
            await SignOutAsync(page);
            await SignInAsync(page, AdminEmail, AdminPassword);
            await page.GotoAsync($"/admin/orders/{number}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Refund" }).ClickAsync();
            await page.GetByLabel("Reason").FillAsync("Customer asked for a refund");
            await browser.ScreenshotAsync("refund-confirmation");
            await page.GetByRole(AriaRole.Button, new() { Name = "Refund 29.00 USD" }).ClickAsync();
            await page.Locator(".notice-success").WaitForAsync();
            await browser.ScreenshotAsync("order-refunded");

            // 7. Verify answers revoked; the admin sees Revoked; the customer's page no longer lists the key.
            await AssertVerifyAsync(site, key, "gallery.example.com", "127.0.0.2", HttpStatusCode.Forbidden, "License has been revoked.");
            await page.GotoAsync($"/admin/licenses?q={key}");
            var row = page.Locator("table.licenses tbody tr");
            Assert.Equal(1, await row.CountAsync());
            Assert.Equal("Revoked", (await row.Locator("td").Nth(6).InnerTextAsync()).Trim());
            await browser.ScreenshotAsync("admin-licenses-revoked");
            await SignOutAsync(page);
            await SignInAsync(page, CustomerEmail, CustomerPassword);
            await page.GotoAsync("/account/licenses");
            Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
            await browser.ScreenshotAsync("account-licenses-after-refund");
        }
        catch
        {
            await browser.ScreenshotAsync("failure"); // where the journey stopped, for the test results
            throw;
        }
    }

    /// <summary>A Verify call over a real socket from <paramref name="sourceAddress"/> (the environment's IP is the connection's).</summary>
    private static async Task AssertVerifyAsync(TestSite site, string key, string domain, string sourceAddress, HttpStatusCode status, string? expectedReason)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = site.BaseAddress };
        using var response = await client.PostAsJsonAsync("/api/v1/licenses/verify", new Dictionary<string, string> { ["license_key"] = key, ["domain"] = domain, ["ip"] = sourceAddress });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(status == response.StatusCode, body.RootElement.ToString());
        Assert.Equal(expectedReason is null, body.RootElement.GetProperty("valid").GetBoolean());
        if (expectedReason is not null)
        {
            Assert.Equal(expectedReason, body.RootElement.GetProperty("reason").GetString());
        }
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArrivedAsync(url => url.AbsolutePath != "/account/login");
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.ArrivedAtAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).WaitForAsync(); // the header of a signed-out visitor
    }
}
