using Microsoft.Playwright;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.BrowserTests;

public sealed class SetupBrowserTests
{
    [Fact]
    public async Task A_site_builder_sets_up_the_store_in_the_browser_and_lands_on_the_admin_dashboard()
    {
        await using var site = TestSite.Start(o =>
        {
            o.Recipe = null;
            o.Kestrel = true;
        });
        await using var browser = await Browser.LaunchAsync(site.BaseAddress, nameof(A_site_builder_sets_up_the_store_in_the_browser_and_lands_on_the_admin_dashboard));
        var page = browser.Page;

        await page.GotoAsync("/");
        Assert.EndsWith("/setup", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Site name").FillAsync("Browser Store");
        Assert.Equal(site.BaseAddress.AbsoluteUri, await page.GetByLabel("Public address of the store").InputValueAsync());
        await page.GetByLabel("Admin email").FillAsync("owner@example.com");
        await page.GetByLabel("Admin password").FillAsync("Owner-Passw0rd");
        await page.GetByLabel("Confirm password").FillAsync("Owner-Passw0rd");
        await browser.ScreenshotAsync("setup-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up" }).ClickAsync();

        await page.ArrivedAtAsync("/admin");
        await browser.ScreenshotAsync("admin-dashboard");
        Assert.Contains("Browser Store", await page.TitleAsync(), StringComparison.Ordinal);
        var menu = await page.Locator("nav.admin-menu a").AllInnerTextsAsync();
        Assert.Contains("Modules", menu);
        Assert.Contains("Users", menu);
    }
}
