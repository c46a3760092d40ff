using System.Net;
using CP.Commerce.Models;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Stripe;

/// <summary>A customer who leaves Stripe's Checkout page without paying comes back to the store's cancel page.</summary>
public sealed class StripeCancelPageTests : IAsyncLifetime
{
    private StripeApiStandIn _stripe = null!;

    public async Task InitializeAsync() => _stripe = await StripeApiStandIn.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task The_session_s_cancel_address_is_the_order_s_cancel_page_on_the_public_address()
    {
        await using var site = StripeStore.Start(_stripe);

        var (_, number, _, checkout) = await site.CheckoutAsync(_stripe, "leaver@example.com");
        checkout.Dispose();

        var form = Assert.Single(_stripe.RequestsTo("POST", "/v1/checkout/sessions")).Form;
        Assert.EndsWith($"/checkout/cancelled/{number}", form["cancel_url"], StringComparison.Ordinal);
        Assert.Equal(form["success_url"].Replace($"/checkout/done/{number}", string.Empty, StringComparison.Ordinal), form["cancel_url"].Replace($"/checkout/cancelled/{number}", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Coming_back_from_the_cancel_address_says_nothing_was_charged_expires_the_session_and_leaves_the_order_unpaid()
    {
        await using var site = StripeStore.Start(_stripe);
        var (customer, number, sessionId, checkout) = await site.CheckoutAsync(_stripe, "leaver@example.com");
        checkout.Dispose();

        var page = await customer.GetDocumentAsync($"/checkout/cancelled/{number}");
        var again = await customer.GetDocumentAsync($"/checkout/cancelled/{number}");

        Assert.Equal("Payment cancelled", page.Text("h1"));
        Assert.Contains("Nothing was charged", page.Text(".payment-cancelled"), StringComparison.Ordinal);
        Assert.Contains(number, page.Text(".order-number"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form.try-again-form"));
        Assert.NotNull(page.QuerySelector("form.back-to-cart-form"));
        Assert.Equal("Payment cancelled", again.Text("h1"));
        Assert.Single(_stripe.RequestsTo("POST", $"/v1/checkout/sessions/{sessionId}/expire"));
        Assert.Equal("expired", (string?)_stripe.Session(sessionId)["status"]);
        var order = await site.OrderAsync(number);
        Assert.Equal((OrderStatus.Pending, (string?)null), (order.Status, order.PaymentReference));
        Assert.Empty(await LicensingArrange.AllAsync(site));
    }

    [Fact]
    public async Task Try_again_puts_the_order_s_plans_back_in_the_cart_and_goes_to_checkout_back_to_the_cart_goes_to_the_cart()
    {
        await using var site = StripeStore.Start(_stripe);
        var (customer, number, _, checkout) = await site.CheckoutAsync(_stripe, "retry@example.com", quantity: 3);
        checkout.Dispose();
        var page = await customer.GetDocumentAsync($"/checkout/cancelled/{number}");

        using var tryAgain = await customer.SubmitFormAsync(page, "form.try-again-form", new Dictionary<string, string>());
        using var backToCart = await customer.SubmitFormAsync(page, "form.back-to-cart-form", new Dictionary<string, string>());
        var cart = await customer.GetDocumentAsync("/cart");

        Assert.Equal(HttpStatusCode.Redirect, tryAgain.StatusCode);
        Assert.Equal("/checkout", tryAgain.Headers.Location!.OriginalString);
        Assert.Equal("/cart", backToCart.Headers.Location!.OriginalString);
        Assert.Contains("Site Builder Pro", cart.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("3", cart.QuerySelector("input[name='Quantity']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Another_customer_or_the_admin_gets_404_and_an_anonymous_visitor_is_sent_to_sign_in_and_the_session_stays_open()
    {
        await using var site = StripeStore.Start(_stripe);
        var (_, number, sessionId, checkout) = await site.CheckoutAsync(_stripe, "owner@example.com");
        checkout.Dispose();
        var other = await site.RegisterCustomerAsync("other@example.com");
        var admin = await site.AdminAsync();

        using var byOther = await other.GetAsync($"/checkout/cancelled/{number}");
        using var byAdmin = await admin.GetAsync($"/checkout/cancelled/{number}");
        using var anonymous = await site.CreateClient().GetAsync($"/checkout/cancelled/{number}");
        var token = Html.AntiforgeryToken(await other.GetDocumentAsync("/account/change-password"));
        using var postByOther = await other.PostAsync($"/checkout/cancelled/{number}", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("checkoutAgain", "true")]));

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.DoesNotContain(number, await byOther.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, postByOther.StatusCode);
        Assert.Empty(_stripe.RequestsTo("POST", $"/v1/checkout/sessions/{sessionId}/expire"));
        Assert.Equal("open", (string?)_stripe.Session(sessionId)["status"]);
    }

    [Fact]
    public async Task The_cancel_page_of_a_paid_order_goes_to_its_done_page_and_expires_nothing()
    {
        await using var site = StripeStore.Start(_stripe);
        var (customer, number, sessionId, checkout) = await site.CheckoutAsync(_stripe, "paidafter@example.com");
        checkout.Dispose();
        await site.PayAsync(_stripe, sessionId);

        using var response = await customer.GetAsync($"/checkout/cancelled/{number}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/checkout/done/{number}", response.Headers.Location!.OriginalString);
        Assert.Empty(_stripe.RequestsTo("POST", $"/v1/checkout/sessions/{sessionId}/expire"));
        Assert.Equal(OrderStatus.Paid, (await site.OrderAsync(number)).Status);
    }
}
