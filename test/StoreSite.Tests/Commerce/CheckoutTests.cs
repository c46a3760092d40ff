using System.Net;
using CP.Commerce.Events;
using CP.Commerce.Models;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Mail;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

public sealed class CheckoutTests
{
    [Fact]
    public async Task Checkout_through_the_forms_makes_a_paid_order_with_snapshots_and_exact_totals()
    {
        var events = new RecordingOrderEvents();
        await using var site = TestSite.Start(o => o.Services = s => s.AddSingleton<IOrderEvents>(events));
        var client = await site.RegisterCustomerAsync("buyer@example.com");
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite, 3)).Dispose();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.Agency, 1)).Dispose();

        var checkout = await client.GetDocumentAsync("/checkout");
        Assert.Equal("208.97 USD", checkout.Text(".checkout-total"));
        Assert.Contains("Test mode", checkout.Text(".test-mode"), StringComparison.Ordinal);
        Assert.NotNull(checkout.QuerySelector("form.checkout-form input[name='SimulateDecline'][type='checkbox']"));
        using var response = await client.SubmitFormAsync(checkout, "form.checkout-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var order = Assert.Single(await site.OrdersAsync());
        Assert.Equal($"/checkout/done/{order.Number}", response.Headers.Location?.OriginalString);
        Assert.Matches(@"^SO-\d{4}-\d{6}$", order.Number);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal("buyer@example.com", order.CustomerEmail);
        Assert.Equal("USD", order.Currency);
        Assert.Equal(208.97m, order.Total);
        Assert.NotNull(order.PaidAt);
        Assert.Equal([("Site Builder Pro", "Single site", 19.99m, 3, 59.97m), ("Site Builder Pro", "Agency (5 sites)", 149.00m, 1, 149.00m)],
            order.Lines.OrderBy(l => l.LineNumber).Select(l => (l.ProductName, l.PlanName, l.UnitPrice, l.Quantity, l.LineTotal)));
        Assert.Equal(1, site.Payments().ChargesOf(order.Number));
        var paid = Assert.Single(events.Of(nameof(IOrderEvents.OrderPaidAsync)));
        Assert.Equal((order.Number, "buyer@example.com", 2), (paid.OrderNumber, paid.Actor, paid.LineCount));

        var done = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Thank you for your order", done.Text("h1"));
        Assert.Equal(order.Number, done.Text(".order-number"));
        Assert.Equal("208.97 USD", done.Text(".order-total"));
        var cart = await client.GetDocumentAsync("/cart");
        Assert.NotNull(cart.QuerySelector(".empty-cart"));
    }

    [Fact]
    public async Task The_confirmation_email_and_pages_carry_the_order_summary_and_module_sections()
    {
        await using var site = TestSite.Start(o => o.Services = s =>
        {
            s.AddSingleton<CP.Commerce.Confirmation.IOrderConfirmationSection, KeysEmailSection>();
            s.AddControllersWithViews().AddApplicationPart(typeof(KeysViewComponent).Assembly);
        });

        var (client, number) = await site.PaidOrderAsync("mail@example.com", quantity: 3);

        var done = await client.GetDocumentAsync($"/checkout/done/{number}");
        Assert.Contains($"Keys of {number} (3 units)", done.QuerySelectorAll(".order-section").Select(s => s.TextContent.Trim()));
        var mine = await client.GetDocumentAsync($"/account/orders/{number}");
        Assert.Contains($"Keys of {number} (3 units)", mine.QuerySelectorAll(".order-section").Select(s => s.TextContent.Trim()));

        var mail = Assert.Single(site.Mails());
        Assert.Equal("mail@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Equal($"Your order {number} at Test Store", mail.Subject);
        Assert.Contains("Site Builder Pro – Single site: 3 x 19.99 USD = 59.97 USD", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Total: 59.97 USD", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Your order: http://localhost/account/orders/{number}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Your keys for {number}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("KEY-1", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<li>KEY-1</li>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<td>59.97 USD</td>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_failure_is_logged_and_never_undoes_the_paid_order()
    {
        await using var site = TestSite.Start(o => o.Services = s => s.AddSingleton<IEmailSender, BrokenEmailSender>());

        var (client, number) = await site.PaidOrderAsync("nomail@example.com");

        Assert.Equal(OrderStatus.Paid, (await site.OrderAsync(number)).Status);
        Assert.Contains(site.Logs.Lines, l => l.Contains("confirmation email", StringComparison.Ordinal) && l.Contains(number, StringComparison.Ordinal));
        var done = await client.GetDocumentAsync($"/checkout/done/{number}");
        Assert.Equal("Thank you for your order", done.Text("h1"));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_comes_back_to_checkout_with_the_cart()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite, 2)).Dispose();

        using var checkout = await client.GetAsync("/checkout");
        Assert.Equal(HttpStatusCode.Redirect, checkout.StatusCode);
        var login = checkout.Target()!;
        Assert.Equal("/account/login", login.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fcheckout", login.Query, StringComparison.Ordinal);

        var loginPage = await client.GetDocumentAsync(login.PathAndQuery);
        var registerUrl = loginPage.QuerySelector("main a[href^='/account/register?']")!.GetAttribute("href")!;
        using var registered = await client.SubmitFormAsync(registerUrl, "form[action='/account/register']", new Dictionary<string, string>
        {
            ["Email"] = "detour@example.com",
            ["Password"] = TestSite.CustomerPassword,
            ["ConfirmPassword"] = TestSite.CustomerPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/checkout", registered.Headers.Location?.OriginalString);

        var page = await client.GetDocumentAsync("/checkout");
        Assert.Equal("39.98 USD", page.Text(".checkout-total"));
        using var paid = await client.CheckoutAsync();
        Assert.StartsWith("/checkout/done/", paid.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_with_a_return_url_comes_back_to_checkout()
    {
        await using var site = TestSite.Start();
        (await site.RegisterCustomerAsync("returning@example.com")).Dispose();
        var client = site.CreateClient();
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();

        using var signedIn = await client.SubmitFormAsync("/account/login?ReturnUrl=%2Fcheckout", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = "returning@example.com",
            ["Password"] = TestSite.CustomerPassword,
        });

        Assert.Equal("/checkout", signedIn.Headers.Location?.OriginalString);
        var page = await client.GetDocumentAsync("/checkout");
        Assert.Equal("19.99 USD", page.Text(".checkout-total"));
    }

    [Fact]
    public async Task A_declined_payment_leaves_the_order_PaymentFailed_with_no_paid_event_and_keeps_the_cart()
    {
        var events = new RecordingOrderEvents();
        await using var site = TestSite.Start(o => o.Services = s => s.AddSingleton<IOrderEvents>(events));
        var client = await site.RegisterCustomerAsync("declined@example.com");
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite, 2)).Dispose();

        using var response = await client.CheckoutAsync(simulateDecline: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Your payment was declined", page.Text(".validation-summary"), StringComparison.Ordinal);
        var order = Assert.Single(await site.OrdersAsync());
        Assert.Equal(OrderStatus.PaymentFailed, order.Status);
        Assert.Null(order.PaidAt);
        Assert.Contains(order.Timeline, t => t.Message.StartsWith("Payment declined", StringComparison.Ordinal));
        Assert.Empty(events.Of(nameof(IOrderEvents.OrderPaidAsync)));
        Assert.Equal(0, site.Payments().ChargesOf(order.Number));
        Assert.Empty(site.Mails());

        using var retry = await client.SubmitFormAsync(page, "form.checkout-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(OrderStatus.Paid, (await site.OrdersAsync()).Last().Status);
        Assert.Equal(2, (await site.OrdersAsync()).Count);
    }

    [Fact]
    public async Task A_checkout_form_submitted_twice_makes_one_order_and_one_charge()
    {
        await using var site = TestSite.Start();
        var client = await site.RegisterCustomerAsync("double@example.com");
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        var page = await client.GetDocumentAsync("/checkout");

        var first = client.SubmitFormAsync(page, "form.checkout-form", new Dictionary<string, string>());
        var second = client.SubmitFormAsync(page, "form.checkout-form", new Dictionary<string, string>());
        using var a = await first;
        using var b = await second;
        using var third = await client.SubmitFormAsync(page, "form.checkout-form", new Dictionary<string, string>());

        var order = Assert.Single(await site.OrdersAsync());
        Assert.All(new[] { a, b, third }, r => Assert.Equal($"/checkout/done/{order.Number}", r.Headers.Location?.OriginalString));
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(1, site.Payments().ChargeRequestsOf(order.Number));
        Assert.Equal(1, site.Payments().TotalCharges);
        Assert.Single(site.Mails());
    }

    [Fact]
    public async Task Checkout_with_an_empty_cart_says_so_and_makes_no_order()
    {
        await using var site = TestSite.Start();
        var client = await site.RegisterCustomerAsync("empty@example.com");
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        var page = await client.GetDocumentAsync("/checkout");
        var planId = await site.PlanIdAsync(Store.SiteBuilder, Store.SingleSite);
        (await client.SubmitFormAsync("/cart", $"tr[data-plan-id='{planId}'] form.remove-line", new Dictionary<string, string>())).Dispose();

        using var get = await client.GetAsync("/checkout");
        using var post = await client.SubmitFormAsync(page, "form.checkout-form", new Dictionary<string, string>());

        Assert.Equal("/cart", get.Headers.Location?.OriginalString);
        Assert.Equal("/cart", post.Headers.Location?.OriginalString);
        var cart = await client.GetDocumentAsync("/cart");
        Assert.Equal("Your cart is empty. Add a product before checking out.", cart.Text(".notice-error"));
        Assert.Empty(await site.OrdersAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-key")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123")]
    public async Task A_checkout_with_a_missing_or_forged_key_is_refused_with_a_message(string key)
    {
        await using var site = TestSite.Start();
        var client = await site.RegisterCustomerAsync("forged@example.com");
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();

        using var response = await client.SubmitFormAsync("/checkout", "form.checkout-form", new Dictionary<string, string> { ["CheckoutKey"] = key });

        Assert.Equal("/cart", response.Headers.Location?.OriginalString);
        var cart = await client.GetDocumentAsync("/cart");
        Assert.Contains("no longer valid", cart.Text(".notice-error"), StringComparison.Ordinal);
        Assert.Empty(await site.OrdersAsync());
    }

    [Fact]
    public async Task A_plan_deactivated_after_it_was_put_in_the_cart_stops_the_checkout_with_a_message()
    {
        await using var site = TestSite.Start();
        var client = await site.RegisterCustomerAsync("late@example.com");
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        var page = await client.GetDocumentAsync("/checkout");
        var planId = await site.PlanIdAsync(Store.SiteBuilder, Store.SingleSite);
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CP.Commerce.Data.CommerceDbContext>();
            var plan = await db.Plans.FindAsync(planId);
            plan!.IsActive = false;
            await db.SaveChangesAsync();
        });

        using var response = await client.SubmitFormAsync(page, "form.checkout-form", new Dictionary<string, string>());

        var cart = await client.GetDocumentAsync("/cart");
        Assert.Equal("Site Builder Pro – Single site is no longer available. Remove it from your cart to continue.", cart.Text(".notice-error"));
        Assert.Empty(await site.OrdersAsync());
    }

    [Fact]
    public async Task A_throwing_paid_handler_leaves_the_charged_order_pending_and_the_admin_can_finish_it_without_charging_again()
    {
        var events = new RecordingOrderEvents { FailPaid = _ => "license server unavailable" };
        await using var site = TestSite.Start(o => o.Services = s => s.AddSingleton<IOrderEvents>(events));
        var client = await site.RegisterCustomerAsync("pending@example.com");
        (await client.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();

        using var response = await client.CheckoutAsync();

        var order = Assert.Single(await site.OrdersAsync());
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.NotNull(order.PaymentReference);
        var done = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Your payment was received, but we could not complete", done.Text(".notice-error"), StringComparison.Ordinal);

        events.FailPaid = null;
        var admin = await site.AdminAsync();
        using var finish = await admin.SubmitFormAsync($"/admin/orders/{order.Number}", "form[action$='/finish-payment']", new Dictionary<string, string>());
        var detail = await admin.GetDocumentAsync($"/admin/orders/{order.Number}");
        Assert.Equal("Paid", detail.Text(".order-status"));
        Assert.Equal(1, site.Payments().ChargeRequestsOf(order.Number));
        Assert.Single(events.Of(nameof(IOrderEvents.OrderPaidAsync)));
    }

    [Fact]
    public async Task Checkout_without_a_payment_provider_set_up_is_refused_with_a_message()
    {
        var recipe = Path.Combine(Path.GetTempPath(), $"nopay-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(recipe, """
            {"name": "nopay", "issetuprecipe": true, "steps": [
              {"name": "feature", "enable": ["CP.Commerce"]},
              {"name": "Products", "products": [{"name": "Thing", "plans": [{"name": "Basic", "price": 5}]}]}
            ]}
            """);
        try
        {
            await using var site = TestSite.Start(o => o.Recipe = recipe);
            var client = await site.RegisterCustomerAsync("nopay@example.com");
            (await client.AddToCartAsync("thing", "Basic")).Dispose();

            var page = await client.GetDocumentAsync("/checkout");

            Assert.Contains("Payments are not set up", page.Text(".notice-warning"), StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("form.checkout-form"));
        }
        finally
        {
            File.Delete(recipe);
        }
    }

    private sealed class KeysEmailSection : CP.Commerce.Confirmation.IOrderConfirmationSection
    {
        public Type ViewComponent => typeof(KeysViewComponent);

        public Task<CP.Commerce.Confirmation.OrderEmailSection?> BuildEmailSectionAsync(CP.Commerce.Events.OrderSnapshot order, CancellationToken cancellationToken) =>
            Task.FromResult<CP.Commerce.Confirmation.OrderEmailSection?>(CP.Commerce.Confirmation.OrderEmailSection.Of<KeysEmailHtml, KeysEmailText>(
                $"Your keys for {order.Number}",
                new Dictionary<string, object?> { [nameof(KeysEmailHtml.Keys)] = new[] { "KEY-1" } }));
    }

    private sealed class BrokenEmailSender : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) => throw new IOException("SMTP server down");
    }
}
