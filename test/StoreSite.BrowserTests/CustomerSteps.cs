using Microsoft.Playwright;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.BrowserTests;

/// <summary>What a customer does on the store recipe's site before a test's own steps: register, put a plan in the cart, buy it.</summary>
public static class CustomerSteps
{
    /// <summary>Registers <paramref name="email"/> with <see cref="TestSite.CustomerPassword"/> through the form; the browser is signed in on Account.</summary>
    public static async Task RegisterAsync(this IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestSite.CustomerPassword);
        await page.GetByLabel("Confirm password").FillAsync(TestSite.CustomerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.ArrivedAtAsync("/account");
    }

    /// <summary>Adds Site Builder Pro's Single site plan (19.99 USD, one year) to the cart from the product page; the browser is on the cart.</summary>
    public static async Task AddSingleSiteAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/products/site-builder-pro");
        await page.Locator("section.plan", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Single site", Exact = true }) }).GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await page.ArrivedAtAsync("/cart");
    }

    /// <summary>From the cart: Check out, then the test payment's Pay button for <paramref name="total"/>; the browser is on the confirmation page.</summary>
    public static async Task CheckOutAsync(this IPage page, string total)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Check out" }).ClickAsync();
        await page.ArrivedAtAsync("/checkout");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Pay {total}" }).ClickAsync();
        await page.ArrivedAsync(url => url.AbsolutePath.StartsWith("/checkout/done/", StringComparison.Ordinal));
    }

    /// <summary>Buys one Single site key and returns it, from the confirmation page.</summary>
    public static async Task<string> BuySingleSiteAsync(this IPage page)
    {
        await page.AddSingleSiteAsync();
        await page.CheckOutAsync("19.99 USD");
        return await page.Locator(".license-keys input").First.InputValueAsync();
    }
}
