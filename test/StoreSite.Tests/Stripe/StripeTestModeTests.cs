using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Stripe;

/// <summary>A "Test mode" badge tells the admin when Stripe runs on test keys (no real money is taken).</summary>
public sealed class StripeTestModeTests : IAsyncLifetime
{
    private const string LiveKey = "sk_live_standin0000000000000000";

    private StripeApiStandIn _stripe = null!;

    public async Task InitializeAsync() => _stripe = await StripeApiStandIn.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task On_a_test_secret_key_admin_payments_and_the_admin_s_checkout_show_the_test_mode_badge_a_customer_s_checkout_does_not()
    {
        await using var site = StripeStore.Start(_stripe);
        var admin = await site.AdminAsync();
        (await admin.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        var customer = await site.RegisterCustomerAsync("badge@example.com");
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();

        var payments = await admin.GetDocumentAsync("/admin/payments");
        var adminCheckout = await admin.GetDocumentAsync("/checkout");
        var customerCheckout = await customer.GetDocumentAsync("/checkout");

        Assert.StartsWith("Test mode", payments.Text(".test-keys"), StringComparison.Ordinal);
        Assert.Single(payments.QuerySelectorAll(".test-keys"));
        Assert.StartsWith("Test mode: Stripe is set up with test keys", adminCheckout.Text(".test-keys"), StringComparison.Ordinal);
        Assert.Null(customerCheckout.QuerySelector(".test-keys"));
    }

    [Fact]
    public async Task On_a_live_secret_key_there_is_no_test_mode_badge()
    {
        await using var site = StripeStore.Start(_stripe, configure: o => o.Settings["StoreSite:Stripe:SecretKey"] = LiveKey);
        var admin = await site.AdminAsync();
        (await admin.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();

        var payments = await admin.GetDocumentAsync("/admin/payments");
        var adminCheckout = await admin.GetDocumentAsync("/checkout");

        Assert.Contains("Stripe", payments.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(payments.QuerySelector(".test-keys"));
        Assert.Null(adminCheckout.QuerySelector(".test-keys"));
    }
}
