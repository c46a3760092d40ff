using System.Net;
using CP.Licensing.Keys;
using CP.Licensing.Models;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Renewals.RenewalArrange;

namespace StoreSite.Tests.Renewals;

/// <summary>A customer renews a key they bought: Renew -> cart -> checkout with the Test provider -> the same key runs longer.</summary>
public sealed class RenewalCheckoutTests
{
    private static readonly DateTimeOffset BoughtAt = new(2028, 2, 29, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Renew_on_Account_Licenses_puts_one_line_for_the_key_in_the_cart_and_paying_it_moves_the_same_keys_expiry()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site);
        var key = keys[0];
        Assert.Equal(new DateOnly(2029, 2, 28), key.ExpiresOn); // a leap day plus a year
        Assert.Equal("2029-02-28", await VerifiedExpiryAsync(site, key.Key));
        var masked = LicenseKeys.Mask(key.Key);

        var cart = await CartAfterAsync(customer, await RenewFromListAsync(customer, key.Id));

        Assert.Contains($"Added the renewal of {masked} to your cart.", Notices(cart), StringComparison.Ordinal);
        var line = Assert.Single(cart.QuerySelectorAll("table.cart tbody tr"));
        Assert.Equal(key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), line.GetAttribute("data-license-id"));
        var product = line.QuerySelector("td[data-label='Product']")!.TextContent;
        Assert.Contains("Renewal", product, StringComparison.Ordinal);
        Assert.Contains("Site Builder Pro", product, StringComparison.Ordinal);
        Assert.Equal($"Renews {masked} until 2030-02-28", line.QuerySelector(".renewal-note")!.TextContent.Trim());
        Assert.Equal(Store.SingleSite, line.QuerySelector("td[data-label='Plan']")!.TextContent.Trim());
        Assert.Equal("1", line.QuerySelector(".renewal-quantity")!.TextContent.Trim());
        Assert.Null(line.QuerySelector("input[name='Quantity']"));
        Assert.Equal("19.99 USD", cart.Text(".cart-total"));

        // The same key again: refused with a message, still one line of quantity 1.
        var again = await CartAfterAsync(customer, await RenewFromKeyPageAsync(customer, key.Id));
        Assert.Contains("The renewal of this key is already in your cart", Notices(again), StringComparison.Ordinal);
        Assert.Single(again.QuerySelectorAll("table.cart tbody tr"));
        Assert.Equal("1", again.Text(".renewal-quantity"));
        Assert.Equal("19.99 USD", again.Text(".cart-total"));

        // The cart's quantity form cannot change a renewal: it is not a purchase line of the plan.
        var planId = (await PlanAsync(site, Store.SingleSite)).PlanId;
        using var update = new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Html.AntiforgeryToken(again)),
            new("PlanId", planId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Quantity", "5"),
        ]);
        var updated = await CartAfterAsync(customer, await customer.PostAsync("/cart/update", update));
        Assert.Contains("That item is not in your cart any more.", Notices(updated), StringComparison.Ordinal);
        Assert.Equal("1", updated.Text(".renewal-quantity"));
        Assert.Equal("19.99 USD", updated.Text(".cart-total"));

        // Checkout shows what it renews, then the Test provider pays.
        var checkoutPage = await customer.GetDocumentAsync("/checkout");
        Assert.Contains($"Renews {masked} until 2030-02-28", checkoutPage.Body!.TextContent, StringComparison.Ordinal);
        using var paid = await customer.CheckoutAsync();
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var number = paid.Headers.Location!.OriginalString["/checkout/done/".Length..];

        var all = await LicensingArrange.AllAsync(site);
        var renewed = Assert.Single(all); // no key issued
        Assert.Equal((key.Id, key.Key), (renewed.Id, renewed.Key));
        Assert.Equal(new DateOnly(2030, 2, 28), renewed.ExpiresOn);
        Assert.Null(renewed.RevokedAt);
        var history = await LicensingArrange.LoadAsync(site, key.Key);
        var entry = Assert.Single(history.Events, e => e.Kind == LicenseEventKind.Renewed);
        Assert.Equal($"Renewed by order {number}, line 1: expiry from 2029-02-28 to 2030-02-28.", entry.Detail);
        Assert.Equal("2030-02-28", await VerifiedExpiryAsync(site, key.Key));
        var order = await site.OrderAsync(number);
        var orderLine = Assert.Single(order.Lines);
        Assert.Equal((CP.Commerce.Events.OrderLineKind.Renewal, (int?)key.Id, masked, (DateOnly?)new DateOnly(2030, 2, 28), 19.99m, 1),
            (orderLine.Kind, orderLine.LicenseId, orderLine.RenewsKey, orderLine.RenewsUntil, orderLine.UnitPrice, orderLine.Quantity));
        Assert.Equal(19.99m, order.Total);

        // The cart is empty again, and the key page shows the new expiry and the Renewed entry.
        Assert.NotNull((await customer.GetDocumentAsync("/cart")).QuerySelector(".empty-cart"));
        var keyPage = await customer.GetDocumentAsync($"/account/licenses/{key.Id}");
        Assert.Equal("Expires on 2030-02-28", keyPage.Text(".license-expiry"));
        Assert.NotNull(keyPage.QuerySelector("table.history tr[data-kind='Renewed']"));
    }

    [Fact]
    public async Task The_confirmation_page_the_order_page_and_the_mail_say_which_key_was_renewed_until_when()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site);
        var masked = LicenseKeys.Mask(keys[0].Key);
        (await RenewFromKeyPageAsync(customer, keys[0].Id)).Dispose();

        using var paid = await customer.CheckoutAsync();
        var number = paid.Headers.Location!.OriginalString["/checkout/done/".Length..];

        var said = $"Renewed: Site Builder Pro Single site {masked} until 2030-02-28";
        var done = await customer.GetDocumentAsync($"/checkout/done/{number}");
        Assert.Equal(said, done.Text(".license-renewals li"));
        Assert.Empty(done.QuerySelectorAll(".license-keys input")); // no new key to show
        Assert.Contains($"Renews {masked} until 2030-02-28", done.Text("table.order-lines"), StringComparison.Ordinal);
        var orderPage = await customer.GetDocumentAsync($"/account/orders/{number}");
        Assert.Equal(said, orderPage.Text(".license-renewals li"));

        var mail = site.Mails().Single(m => m.Subject == $"Your order {number} at Test Store");
        var text = mail.TextBody ?? string.Empty;
        var html = mail.HtmlBody ?? string.Empty;
        Assert.Contains(said, text, StringComparison.Ordinal);
        Assert.Contains("Renewal: Site Builder Pro – Single site: 1 x 19.99 USD = 19.99 USD", text, StringComparison.Ordinal);
        Assert.Contains($"Renews {masked} until 2030-02-28", text, StringComparison.Ordinal);
        Assert.Contains($"<li>{said}</li>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Renewed license keys</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(keys[0].Key, text, StringComparison.Ordinal); // the whole key is not mailed again
        Assert.DoesNotContain("Your license keys", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_key_is_renewed_from_the_paid_date_and_Verify_answers_valid_again_at_once()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site);
        var key = keys[0];
        await SetExpiryAsync(site, key.Id, Today(site).AddDays(-40));
        await LicensingArrange.AssertFailureAsync(await LicensingArrange.VerifyAsync(site.CreateClient(), key.Key, "renewed.example.com", from: "198.51.100.7"), 403, "License expired.", "expired");
        var list = await customer.GetDocumentAsync("/account/licenses");
        Assert.NotNull(list.QuerySelector($"tr[data-license-id='{key.Id}'] form.renew-form")); // expired keys can be renewed

        var cart = await CartAfterAsync(customer, await RenewFromListAsync(customer, key.Id));
        Assert.Contains("until 2029-02-28", cart.Text(".renewal-note"), StringComparison.Ordinal);
        using var paid = await customer.CheckoutAsync();

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal(new DateOnly(2029, 2, 28), Assert.Single(await LicensingArrange.AllAsync(site)).ExpiresOn);
        Assert.Equal("2029-02-28", await VerifiedExpiryAsync(site, key.Key));
        var renewal = Assert.Single(await RenewalsAsync(site));
        Assert.Equal((new DateOnly(2028, 1, 20), new DateOnly(2028, 2, 29), new DateOnly(2029, 2, 28)), (renewal.PreviousExpiry, renewal.PaidOn, renewal.NewExpiry));
    }

    [Fact]
    public async Task A_renewal_costs_the_plans_renewal_price_when_it_has_one_and_the_plans_price_otherwise()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site, quantity: 2);
        (await RenewFromListAsync(customer, keys[0].Id)).Dispose();
        Assert.Equal("19.99 USD", (await customer.GetDocumentAsync("/cart")).Text(".cart-total"));

        var admin = await site.AdminAsync();
        using var saved = await EditRenewalAsync(site, admin, Store.SingleSite, enabled: true, price: "12.50");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        (await RenewFromListAsync(customer, keys[1].Id)).Dispose();

        var cart = await customer.GetDocumentAsync("/cart");
        Assert.Equal(["12.50 USD", "12.50 USD"], cart.QuerySelectorAll("table.cart tbody td.line-total").Select(c => c.TextContent.Trim()));
        Assert.Equal("25.00 USD", cart.Text(".cart-total")); // priced again: the line put in at 19.99 costs what the plan says now
        using var paid = await customer.CheckoutAsync();
        var number = paid.Headers.Location!.OriginalString["/checkout/done/".Length..];
        var order = await site.OrderAsync(number);
        Assert.Equal(25.00m, order.Total);
        Assert.All(order.Lines, l => Assert.Equal(12.50m, l.UnitPrice));
        Assert.All(await LicensingArrange.AllAsync(site), l => Assert.Equal(new DateOnly(2030, 2, 28), l.ExpiresOn));
        Assert.Equal(2, (await RenewalsAsync(site)).Count);
        Assert.Equal(2, (await LicensingArrange.AllAsync(site)).Count);
    }

    [Fact]
    public async Task A_whole_refund_of_the_renewal_order_puts_the_expiry_back_and_leaves_the_key_running()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, bought, keys) = await BuyAsync(site);
        var key = keys[0];
        (await RenewFromListAsync(customer, key.Id)).Dispose();
        using var paid = await customer.CheckoutAsync();
        var number = paid.Headers.Location!.OriginalString["/checkout/done/".Length..];
        Assert.Equal("2030-02-28", await VerifiedExpiryAsync(site, key.Key));

        var admin = await site.AdminAsync();
        using var refund = await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Renewed by mistake" });

        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);
        var license = Assert.Single(await LicensingArrange.AllAsync(site));
        Assert.Null(license.RevokedAt);
        Assert.Equal(new DateOnly(2029, 2, 28), license.ExpiresOn);
        Assert.Equal("2029-02-28", await VerifiedExpiryAsync(site, key.Key));
        var history = await LicensingArrange.LoadAsync(site, key.Key);
        var undone = Assert.Single(history.Events, e => e.Kind == LicenseEventKind.ExpiryChanged);
        Assert.Equal($"Renewal of order {number} refunded: expiry from 2030-02-28 to 2029-02-28.", undone.Detail);
        Assert.Equal(TestSite.AdminEmail, undone.Actor);
        Assert.NotNull(Assert.Single(await RenewalsAsync(site)).RefundedAt);
        Assert.Equal(CP.Commerce.Models.OrderStatus.Paid, (await site.OrderAsync(bought)).Status);

        // Refunding the order that bought the key still revokes it.
        using var first = await admin.SubmitFormAsync($"/admin/orders/{bought}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Everything back" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.NotNull(Assert.Single(await LicensingArrange.AllAsync(site)).RevokedAt);
    }
}
