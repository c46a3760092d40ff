using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.BrowserTests;

/// <summary>A customer renews the key they bought, in Chromium: Renew -> cart -> checkout -> the key page shows the new expiry.</summary>
public sealed class RenewalBrowserTests
{
    private const string CustomerEmail = "renewer@example.com";

    [Fact]
    public async Task A_customer_renews_a_key_from_My_licenses_pays_and_the_same_key_shows_and_verifies_the_new_expiry()
    {
        await using var site = TestSite.Start(o =>
        {
            o.Kestrel = true;
            o.Now = new DateTimeOffset(2028, 2, 29, 9, 0, 0, TimeSpan.Zero);
            o.Settings["StoreSite:Licensing:Verify:PermitPerMinute"] = "1000";
        });
        await using var browser = await Browser.LaunchAsync(site.BaseAddress, nameof(A_customer_renews_a_key_from_My_licenses_pays_and_the_same_key_shows_and_verifies_the_new_expiry));
        var page = browser.Page;

        // A customer buys one Single site key (one year: a leap day plus a year is 2029-02-28).
        await page.RegisterAsync(CustomerEmail);
        var key = await page.BuySingleSiteAsync();

        // My licenses -> Renew -> the cart says what it renews until when.
        await page.GotoAsync("/account/licenses");
        Assert.Contains("Expires on 2029-02-28", await page.Locator("table.customer-licenses tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync("my-licenses-renew");
        await page.Locator("form.renew-form button").ClickAsync();
        await page.ArrivedAtAsync("/cart");
        await browser.ScreenshotAsync("cart-renewal");
        Assert.Equal($"Renews {CP.Licensing.Keys.LicenseKeys.Mask(key)} until 2030-02-28", await page.Locator(".renewal-note").InnerTextAsync());
        Assert.DoesNotContain(key, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal); // masked
        Assert.Equal("1", await page.Locator(".renewal-quantity").InnerTextAsync());
        Assert.Equal(0, await page.Locator("table.cart input[name='Quantity']").CountAsync());

        // Checkout with the test payment -> the confirmation says what was renewed.
        await page.CheckOutAsync("19.99 USD");
        await browser.ScreenshotAsync("renewal-confirmation");
        Assert.EndsWith("until 2030-02-28", await page.Locator(".license-renewals li").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".license-keys input").CountAsync());

        // The same key's page shows the new expiry and the renewal in its history.
        await page.GotoAsync("/account/licenses");
        Assert.Equal(1, await page.Locator("table.customer-licenses tbody tr").CountAsync());
        Assert.Equal(key, await page.GetByLabel("License key for Site Builder Pro – Single site").InputValueAsync());
        await page.Locator("table.customer-licenses tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.ArrivedAsync(url => url.AbsolutePath.StartsWith("/account/licenses/", StringComparison.Ordinal));
        await browser.ScreenshotAsync("key-page-renewed");
        Assert.Equal("Expires on 2030-02-28", await page.Locator(".license-expiry").InnerTextAsync());
        Assert.Equal(1, await page.Locator("table.history tr[data-kind='Renewed']").CountAsync());

        // The installed product hears the new expiry at once.
        using var http = new HttpClient { BaseAddress = site.BaseAddress };
        using var answer = await http.PostAsJsonAsync("/api/v1/licenses/verify", new Dictionary<string, string> { ["license_key"] = key, ["domain"] = "shop.example.com", ["ip"] = "203.0.113.5" });
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean(), json.RootElement.ToString());
        Assert.Equal("2030-02-28", json.RootElement.GetProperty("expiry").GetString());
    }
}
