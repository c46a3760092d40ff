using Microsoft.Playwright;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.BrowserTests;

/// <summary>A customer upgrades the key they bought, in Chromium: Upgrade on the key page -> cart -> checkout -> the same key on the bigger plan.</summary>
public sealed class UpgradeBrowserTests
{
    [Fact]
    public async Task A_customer_upgrades_a_single_site_key_to_Agency_from_its_page_and_the_same_key_shows_the_new_plan()
    {
        await using var site = TestSite.Start(o =>
        {
            o.Kestrel = true;
            o.Now = new DateTimeOffset(2028, 3, 10, 9, 0, 0, TimeSpan.Zero);
        });
        await using var browser = await Browser.LaunchAsync(site.BaseAddress, nameof(A_customer_upgrades_a_single_site_key_to_Agency_from_its_page_and_the_same_key_shows_the_new_plan));
        var page = browser.Page;

        await page.RegisterAsync("upgrader@example.com");
        var key = await page.BuySingleSiteAsync();

        // The key page offers Agency for the difference; at 390 px the offer and its button fit the screen.
        await page.GotoAsync("/account/licenses");
        await page.Locator("table.customer-licenses tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.ArrivedAsync(url => url.AbsolutePath.StartsWith("/account/licenses/", StringComparison.Ordinal));
        var keyPage = new Uri(page.Url).AbsolutePath;
        Assert.Equal("129.01 USD", await page.Locator(".upgrade-price").InnerTextAsync());
        await browser.ScreenshotAsync("key-page-upgrade-1280");
        Assert.Empty(await Axe.ViolationsAsync(page));
        await page.SetViewportSizeAsync(390, 844);
        await browser.ScreenshotAsync("key-page-upgrade-390");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the key page scrolls sideways at 390 px");
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Upgrade to Agency (5 sites)" }).IsVisibleAsync());
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByRole(AriaRole.Button, new() { Name = "Upgrade to Agency (5 sites)" }).ClickAsync();
        await page.ArrivedAtAsync("/cart");
        await browser.ScreenshotAsync("cart-upgrade");
        Assert.Equal($"Upgrades {CP.Licensing.Keys.LicenseKeys.Mask(key)} from Single site", await page.Locator(".renewal-note").InnerTextAsync());
        await page.CheckOutAsync("129.01 USD");
        await browser.ScreenshotAsync("upgrade-confirmation");
        Assert.Contains("to Agency (5 sites) (5 activations)", await page.Locator(".license-renewals li").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync(keyPage);
        Assert.Equal(key, await page.Locator("#license-key").InputValueAsync());
        Assert.Equal("Agency (5 sites)", await page.Locator(".license-plan").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".license-upgrades").CountAsync());
        Assert.Equal(1, await page.Locator("table.history tr[data-kind='Upgraded']").CountAsync());
        await browser.ScreenshotAsync("key-page-upgraded");
    }
}
