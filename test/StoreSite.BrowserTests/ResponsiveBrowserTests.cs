using Microsoft.Playwright;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.BrowserTests;

/// <summary>
/// The main pages on a phone (390 px) and a desktop (1280 px): the page never scrolls sideways,
/// the key and its Copy button are on screen on Account -> Licenses, the menus fold on a phone,
/// and axe-core finds no accessibility violation. Every page is saved as a screenshot.
/// </summary>
public sealed class ResponsiveBrowserTests
{
    private const string CustomerEmail = "phone-buyer@example.com";

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task The_main_pages_fit_the_screen_and_pass_axe(int width, int height)
    {
        await using var site = TestSite.Start(o => o.Kestrel = true);
        await using var browser = await Browser.LaunchAsync(site.BaseAddress, $"{nameof(The_main_pages_fit_the_screen_and_pass_axe)}-{width}");
        var page = browser.Page;
        await page.SetViewportSizeAsync(width, height);
        var phone = width < 700;
        var problems = new List<string>();
        try
        {
            await page.GotoAsync("/account/register");
            await page.GetByLabel("Email").FillAsync(CustomerEmail);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestSite.CustomerPassword);
            await page.GetByLabel("Confirm password").FillAsync(TestSite.CustomerPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await page.ArrivedAtAsync("/account");

            await page.GotoAsync("/");
            await PageChecks.CheckAsync(browser, "home", problems);
            await AssertMenuFoldsOnPhonesAsync(browser, phone, "site-menu-toggle", page.GetByRole(AriaRole.Link, new() { Name = "My account" }), "home-menu-open");

            await page.GotoAsync("/products");
            await PageChecks.CheckAsync(browser, "catalog", problems);
            await page.GotoAsync("/products/site-builder-pro");
            await PageChecks.CheckAsync(browser, "product", problems);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).First.ClickAsync();
            await page.ArrivedAtAsync("/cart");
            await PageChecks.CheckAsync(browser, "cart", problems);
            await page.GetByRole(AriaRole.Link, new() { Name = "Check out" }).ClickAsync();
            await page.ArrivedAtAsync("/checkout");
            await PageChecks.CheckAsync(browser, "checkout", problems);
            await page.Locator("form.checkout-form button[type=submit]").ClickAsync();
            await page.ArrivedAsync(url => url.AbsolutePath.StartsWith("/checkout/done/", StringComparison.Ordinal));

            await page.GotoAsync("/account/licenses");
            await PageChecks.CheckAsync(browser, "account-licenses", problems);
            var key = page.Locator("table.customer-licenses input[readonly]").First;
            Assert.Matches("^CP-", await key.InputValueAsync());
            await PageChecks.AssertOnScreenAsync(page, key, "the license key");
            await PageChecks.AssertOnScreenAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Copy" }).First, "the Copy button");

            await browser.Context.ClearCookiesAsync();
            await page.GotoAsync("/account/login");
            await page.GetByLabel("Email").FillAsync(TestSite.AdminEmail);
            await page.GetByLabel("Password").FillAsync(TestSite.AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.ArrivedAsync(url => url.AbsolutePath != "/account/login");

            await page.GotoAsync("/admin");
            await PageChecks.CheckAsync(browser, "admin-dashboard", problems);
            await AssertMenuFoldsOnPhonesAsync(browser, phone, "admin-menu-toggle", page.Locator("nav.admin-menu").GetByRole(AriaRole.Link, new() { Name = "Orders" }), "admin-menu-open");

            await page.GotoAsync("/admin/licenses");
            await PageChecks.CheckAsync(browser, "admin-licenses", problems);
            await page.GotoAsync("/admin/orders");
            await PageChecks.CheckAsync(browser, "admin-orders", problems);
        }
        catch
        {
            await browser.ScreenshotAsync("failure");
            throw;
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }


    /// <summary>On a phone the menu's link is hidden behind the toggle's label and shows once it is clicked; on a desktop the link shows and the toggle does not.</summary>
    private static async Task AssertMenuFoldsOnPhonesAsync(Browser browser, bool phone, string toggleId, ILocator link, string openStep)
    {
        var toggle = browser.Page.Locator($"label[for='{toggleId}']");
        Assert.Equal(phone, await toggle.IsVisibleAsync());
        Assert.Equal(!phone, await link.IsVisibleAsync());
        if (phone)
        {
            await toggle.ClickAsync();
            await link.WaitForAsync();
            await browser.ScreenshotAsync(openStep);
        }
    }
}
