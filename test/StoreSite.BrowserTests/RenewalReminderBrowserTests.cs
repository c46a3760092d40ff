using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CP.Licensing.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.BrowserTests;

/// <summary>
/// A customer renews from the reminder mail, in Chromium: a key bought on 2028-03-10 for a year expires
/// on 2029-03-10; on 2029-02-08 the reminder worker mails the 30-day reminder; the customer, signed out,
/// clicks its Renew link, signs in, finds the renewal in the cart, pays, and the key page shows 2030-03-10.
/// </summary>
public sealed partial class RenewalReminderBrowserTests
{
    private const string CustomerEmail = "reminded@example.com";

    [Fact]
    public async Task A_customer_renews_from_the_reminder_mails_link_signs_in_pays_and_the_key_page_shows_the_new_expiry()
    {
        await using var site = TestSite.Start(o =>
        {
            o.Kestrel = true;
            o.Now = new DateTimeOffset(2028, 3, 10, 9, 0, 0, TimeSpan.Zero);
            o.Settings["StoreSite:Licensing:Verify:PermitPerMinute"] = "1000";
        });
        await using var browser = await Browser.LaunchAsync(site.BaseAddress, nameof(A_customer_renews_from_the_reminder_mails_link_signs_in_pays_and_the_key_page_shows_the_new_expiry));
        var page = browser.Page;
        var problems = new List<string>();
        try
        {
            // A customer buys a Single site key for a year and signs out.
            await page.RegisterAsync(CustomerEmail);
            var key = await page.BuySingleSiteAsync();
            await page.GotoAsync("/account/licenses");
            Assert.Contains("Expires on 2029-03-10", await page.Locator("table.customer-licenses tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.ArrivedAtAsync("/");

            // 30 days before the expiry the worker (and this run, racing it) sends the reminder once.
            site.Clock.SetUtcNow(new DateTimeOffset(2029, 2, 8, 9, 0, 0, TimeSpan.Zero));
            await site.InScopeAsync(sp => sp.GetRequiredService<RenewalReminders>().SendDueAsync(CancellationToken.None));
            var mail = await ReminderAsync(site);
            Assert.Equal(CustomerEmail, mail.To.Mailboxes.Single().Address);
            Assert.Equal("Your license for Site Builder Pro – Single site expires in 30 days, on 2029-03-10", mail.Subject);
            var textLink = RenewLink().Match(mail.TextBody ?? string.Empty).Groups[1].Value;
            Assert.StartsWith(site.BaseAddress.ToString(), textLink, StringComparison.Ordinal);

            // The customer opens the mail and clicks Renew: the link asks them to sign in, then goes on to the cart.
            await page.SetContentAsync(mail.HtmlBody ?? string.Empty);
            await browser.ScreenshotAsync("reminder-mail");
            var renew = page.GetByRole(AriaRole.Link, new() { Name = "Renew Site Builder Pro" });
            Assert.Equal(textLink, await renew.GetAttributeAsync("href"));
            await renew.ClickAsync();
            await page.ArrivedAtAsync("/account/login");
            await browser.ScreenshotAsync("sign-in-to-renew");
            await page.GetByLabel("Email").FillAsync(CustomerEmail);
            await page.GetByLabel("Password").FillAsync(TestSite.CustomerPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.ArrivedAtAsync("/cart");
            var masked = CP.Licensing.Keys.LicenseKeys.Mask(key);
            Assert.Equal(1, await page.Locator(".notice-success", new() { HasText = $"Added the renewal of {masked} to your cart." }).CountAsync());
            Assert.Equal($"Renews {masked} until 2030-03-10", await page.Locator(".renewal-note").InnerTextAsync());
            Assert.Equal(1, await page.Locator("table.cart tbody tr").CountAsync());
            Assert.Equal("19.99 USD", await page.Locator(".cart-total").InnerTextAsync());
            await PageChecks.CheckAsync(browser, "cart-renewal-1280", problems);
            await page.SetViewportSizeAsync(390, 844);
            await PageChecks.CheckAsync(browser, "cart-renewal-390", problems);
            await page.SetViewportSizeAsync(1280, 900);

            // Checkout with the test payment -> the key page shows the new expiry.
            await page.CheckOutAsync("19.99 USD");
            Assert.EndsWith("until 2030-03-10", await page.Locator(".license-renewals li").InnerTextAsync(), StringComparison.Ordinal);
            await page.GotoAsync("/account/licenses");
            Assert.Equal(1, await page.Locator("table.customer-licenses tbody tr").CountAsync());
            await page.Locator("table.customer-licenses tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();
            await page.ArrivedAsync(url => url.AbsolutePath.StartsWith("/account/licenses/", StringComparison.Ordinal));
            await browser.ScreenshotAsync("key-page-renewed");
            Assert.Equal(key, await page.Locator("#license-key").InputValueAsync());
            Assert.Equal("Expires on 2030-03-10", await page.Locator(".license-expiry").InnerTextAsync());
            Assert.Equal(1, await page.Locator("table.history tr[data-kind='Renewed']").CountAsync());

            // The installed product hears the new expiry.
            using var http = new HttpClient { BaseAddress = site.BaseAddress };
            using var answer = await http.PostAsJsonAsync("/api/v1/licenses/verify", new Dictionary<string, string> { ["license_key"] = key, ["domain"] = "shop.example.com", ["ip"] = "203.0.113.5" });
            using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            Assert.True(json.RootElement.GetProperty("valid").GetBoolean(), json.RootElement.ToString());
            Assert.Equal("2030-03-10", json.RootElement.GetProperty("expiry").GetString());
        }
        catch
        {
            await browser.ScreenshotAsync("failure");
            throw;
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The one reminder in the pickup folder, once it arrived (the worker's may still be on its way).</summary>
    private static async Task<MimeMessage> ReminderAsync(TestSite site)
    {
        for (var i = 0; i < 200; i++)
        {
            List<MimeMessage> reminders = Directory.Exists(site.MailFolder)
                ? Directory.GetFiles(site.MailFolder, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => (m.Subject ?? string.Empty).StartsWith("Your license for ", StringComparison.Ordinal)).ToList()
                : [];
            if (reminders.Count > 0)
            {
                return Assert.Single(reminders);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No renewal reminder was mailed within 10 s.");
    }

    [GeneratedRegex(@"Renew: (\S+)")]
    private static partial Regex RenewLink();
}
