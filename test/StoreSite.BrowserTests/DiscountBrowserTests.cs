using Microsoft.Playwright;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.BrowserTests;

/// <summary>
/// A customer uses the store recipe's sample code WELCOME10 (10% off new purchases, once per customer), in
/// Chromium: a misspelt code is refused next to the field, the right one (typed in lower case) shows the
/// line's discount and the new total in the cart, on a phone and a desktop, and the paid order shows it.
/// </summary>
public sealed class DiscountBrowserTests
{
    [Fact]
    public async Task A_customer_applies_WELCOME10_in_the_cart_sees_the_discount_and_the_confirmation_shows_it()
    {
        await using var site = TestSite.Start(o => o.Kestrel = true);
        await using var browser = await Browser.LaunchAsync(site.BaseAddress, nameof(A_customer_applies_WELCOME10_in_the_cart_sees_the_discount_and_the_confirmation_shows_it));
        var page = browser.Page;
        var problems = new List<string>();
        try
        {
            await page.RegisterAsync("welcome@example.com");
            await page.AddSingleSiteAsync();
            Assert.Equal("19.99 USD", await page.Locator(".cart-total").InnerTextAsync());

            // A misspelt code: refused, why said right by the field (and read out), nothing taken off.
            await page.GetByLabel("Discount code").FillAsync("WELCOME01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await page.ArrivedAtAsync("/cart/discount");
            await browser.ScreenshotAsync("cart-code-refused");
            var field = page.GetByLabel("Discount code");
            var message = page.Locator("#discount-code-message");
            Assert.Equal("That discount code does not exist. Check its spelling.", await message.InnerTextAsync());
            Assert.Equal("true", await field.GetAttributeAsync("aria-invalid"));
            Assert.Equal("discount-code-message", await field.GetAttributeAsync("aria-describedby"));
            var fieldBox = await field.BoundingBoxAsync();
            var messageBox = await message.BoundingBoxAsync();
            Assert.NotNull(fieldBox);
            Assert.NotNull(messageBox);
            Assert.True(messageBox.Y - (fieldBox.Y + fieldBox.Height) < 40, $"the refusal is at y {messageBox.Y}, the field ends at y {fieldBox.Y + fieldBox.Height}");
            Assert.Equal(0, await page.Locator(".notice-error").CountAsync());
            Assert.Equal(0, await page.Locator(".line-discount").CountAsync());
            Assert.Equal("19.99 USD", await page.Locator(".cart-total").InnerTextAsync());

            // The right code, typed in lower case: the line's discount, the subtotal, the discount and the new total.
            await page.GetByLabel("Discount code").FillAsync("welcome10");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await page.ArrivedAtAsync("/cart");
            Assert.Equal("Discount code WELCOME10 applied.", await page.Locator(".notice-success").InnerTextAsync());
            Assert.Equal(string.Empty, await page.Locator("#discount-code-message").InnerTextAsync());
            Assert.Equal("2.00 USD off with WELCOME10", await page.Locator("table.cart tbody .line-discount").InnerTextAsync());
            Assert.Equal("19.99 USD", await page.Locator(".cart-subtotal").InnerTextAsync());
            Assert.Equal("\u22122.00 USD", await page.Locator(".cart-discount").InnerTextAsync());
            Assert.Equal("17.99 USD", await page.Locator(".cart-total").InnerTextAsync());
            Assert.Equal("WELCOME10", await page.Locator(".applied-discount code").InnerTextAsync());
            await PageChecks.CheckAsync(browser, "cart-discount-1280", problems);
            await page.SetViewportSizeAsync(390, 844);
            await PageChecks.CheckAsync(browser, "cart-discount-390", problems);
            await PageChecks.AssertOnScreenAsync(page, page.Locator(".cart-discount"), "the cart's discount");
            await PageChecks.AssertOnScreenAsync(page, page.Locator(".cart-total"), "the cart's total");
            await page.SetViewportSizeAsync(1280, 900);

            // Checkout charges the discounted total; the confirmation shows the discount.
            await page.GetByRole(AriaRole.Link, new() { Name = "Check out" }).ClickAsync();
            await page.ArrivedAtAsync("/checkout");
            Assert.Equal("\u22122.00 USD", await page.Locator(".checkout-discount").InnerTextAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Pay 17.99 USD" }).ClickAsync();
            await page.ArrivedAsync(url => url.AbsolutePath.StartsWith("/checkout/done/", StringComparison.Ordinal));
            await browser.ScreenshotAsync("confirmation-discount");
            Assert.Equal("2.00 USD off with WELCOME10", await page.Locator("table.order-lines tbody .line-discount").InnerTextAsync());
            Assert.Equal("\u22122.00 USD", await page.Locator(".order-discount").InnerTextAsync());
            Assert.Equal("17.99 USD", await page.Locator(".order-total").InnerTextAsync());
            Assert.Equal(1, await page.Locator(".license-keys input").CountAsync());
        }
        catch
        {
            await browser.ScreenshotAsync("failure");
            throw;
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
