using CP.Commerce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.BrowserTests;

/// <summary>
/// The admin uploads product images in the product editor; the home page and a product page then show
/// them, on a phone (390 px) and a desktop (1280 px): the images load (same origin, under the strict
/// CSP), the page never scrolls sideways, plan cards say what they give, and axe-core finds no violation.
/// Every page is saved as a screenshot.
/// </summary>
public sealed class ProductImageBrowserTests
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task Product_images_show_on_the_home_page_and_the_product_page_and_fit_the_screen(int width, int height)
    {
        await using var site = TestSite.Start(o => o.Kestrel = true);
        await using var browser = await Browser.LaunchAsync(site.BaseAddress, $"{nameof(Product_images_show_on_the_home_page_and_the_product_page_and_fit_the_screen)}-{width}");
        var page = browser.Page;
        await page.SetViewportSizeAsync(width, height);
        var products = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug }).ToListAsync());
        var problems = new List<string>();
        var folder = Directory.CreateTempSubdirectory("storesite-images-");
        try
        {
            await page.GotoAsync("/account/login");
            await page.GetByLabel("Email").FillAsync(TestSite.AdminEmail);
            await page.GetByLabel("Password").FillAsync(TestSite.AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.ArrivedAsync(url => url.AbsolutePath != "/account/login");

            SKColor[][] colours = [[SKColor.Parse("#1d4ed8"), SKColor.Parse("#14b8a6")], [SKColor.Parse("#7c3aed"), SKColor.Parse("#f97316")]];
            for (var i = 0; i < products.Count; i++)
            {
                var file = Path.Combine(folder.FullName, $"{products[i].Slug}.png");
                await File.WriteAllBytesAsync(file, TestImages.Banner(1600, 1000, colours[i % 2][0], colours[i % 2][1]));
                await page.GotoAsync($"/admin/products/{products[i].Id}");
                await page.GetByLabel("Image file").SetInputFilesAsync(file);
                await page.GetByRole(AriaRole.Button, new() { Name = "Upload image" }).ClickAsync();
                await page.ArrivedAtAsync($"/admin/products/{products[i].Id}");
                Assert.True(await page.Locator(".product-image-preview img").IsVisibleAsync(), $"No preview for {products[i].Slug}.");
            }

            await PageChecks.CheckAsync(browser, "admin-product-image", problems);

            await browser.Context.ClearCookiesAsync();
            await page.GotoAsync("/");
            await PageChecks.CheckAsync(browser, "home", problems);
            Assert.Equal(products.Count, await page.Locator("article.product-card img.product-card-image").CountAsync());

            await page.GotoAsync("/products/site-builder-pro");
            await PageChecks.CheckAsync(browser, "product", problems);
            Assert.Equal("Site Builder Pro", await page.Locator("img.product-image").GetAttributeAsync("alt"));
            Assert.Contains("Renews at 19.99 USD/year", await page.Locator("section.plan").First.InnerTextAsync(), StringComparison.Ordinal);
        }
        catch
        {
            await browser.ScreenshotAsync("failure");
            throw;
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
