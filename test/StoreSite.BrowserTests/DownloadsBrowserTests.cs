using Microsoft.Playwright;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.BrowserTests;

/// <summary>
/// A customer downloads the release of the key they bought from the key's page, in Chromium; the admin sees
/// the download on the release pages. Both pages fit a phone and a desktop and pass axe.
/// </summary>
public sealed class DownloadsBrowserTests
{
    private const string CustomerEmail = "downloader@example.com";

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task A_customer_downloads_from_the_key_page_and_the_admin_sees_it_on_the_release_pages(int width, int height)
    {
        await using var site = TestSite.Start(o => o.Kestrel = true);
        await using var browser = await Browser.LaunchAsync(site.BaseAddress, $"{nameof(A_customer_downloads_from_the_key_page_and_the_admin_sees_it_on_the_release_pages)}-{width}");
        var page = browser.Page;
        await page.SetViewportSizeAsync(width, height);
        var problems = new List<string>();
        try
        {
            await page.GotoAsync("/account/register");
            await page.GetByLabel("Email").FillAsync(CustomerEmail);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestSite.CustomerPassword);
            await page.GetByLabel("Confirm password").FillAsync(TestSite.CustomerPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await page.ArrivedAtAsync("/account");
            await page.GotoAsync("/products/site-builder-pro");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).First.ClickAsync();
            await page.ArrivedAtAsync("/cart");
            await page.GetByRole(AriaRole.Link, new() { Name = "Check out" }).ClickAsync();
            await page.ArrivedAtAsync("/checkout");
            await page.Locator("form.checkout-form button[type=submit]").ClickAsync();
            await page.ArrivedAsync(url => url.AbsolutePath.StartsWith("/checkout/done/", StringComparison.Ordinal));

            // The key's page: its Downloads section, the download, and the download listed under it.
            await page.GotoAsync("/account/licenses");
            await page.Locator("table.customer-licenses tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();
            await page.ArrivedAsync(url => url.AbsolutePath.StartsWith("/account/licenses/", StringComparison.Ordinal));
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#downloads a.download-link").First.ClickAsync());
            Assert.Equal("site-builder-pro-1.0.0.zip", download.SuggestedFilename);
            await page.ReloadAsync();
            Assert.Equal(1, await page.Locator("#downloads table.key-downloads tbody tr").CountAsync());
            await CheckAsync(browser, "key-page-downloads", problems);

            await browser.Context.ClearCookiesAsync();
            await page.GotoAsync("/account/login");
            await page.GetByLabel("Email").FillAsync(TestSite.AdminEmail);
            await page.GetByLabel("Password").FillAsync(TestSite.AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.ArrivedAsync(url => url.AbsolutePath != "/account/login");
            await page.GotoAsync("/admin/products");
            await page.GetByRole(AriaRole.Link, new() { Name = "Site Builder Pro" }).First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Releases" }).First.ClickAsync();
            await page.ArrivedAsync(url => url.AbsolutePath.EndsWith("/releases", StringComparison.Ordinal));
            await CheckAsync(browser, "admin-releases", problems);
            await page.Locator("td.release-downloads a").First.ClickAsync();
            await page.ArrivedAsync(url => url.AbsolutePath.EndsWith("/downloads", StringComparison.Ordinal));
            Assert.Equal(CustomerEmail, (await page.Locator("table.release-downloads tbody td[data-label='Customer']").First.InnerTextAsync()).Trim());
            await CheckAsync(browser, "admin-release-downloads", problems);
        }
        catch
        {
            await browser.ScreenshotAsync("failure");
            throw;
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static Task CheckAsync(Browser browser, string name, List<string> problems) => PageChecks.CheckAsync(browser, name, problems);
}
