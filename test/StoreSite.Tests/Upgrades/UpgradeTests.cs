using System.Net;
using CP.Commerce.Events;
using CP.Commerce.Models;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Renewals.RenewalArrange;

namespace StoreSite.Tests.Upgrades;

/// <summary>
/// A customer moves a key to a bigger plan of its product: Upgrade on the key page -> cart -> checkout
/// with the Test provider -> the same key with the new plan's Max and match rule, its environments and
/// expiry kept; a refund of the upgrade puts the key back on its previous plan.
/// </summary>
public sealed class UpgradeTests
{
    private static readonly DateTimeOffset BoughtAt = new(2028, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(5, 1, true)]
    [InlineData(0, 1, true)]
    [InlineData(1, 1, false)]
    [InlineData(3, 5, false)]
    [InlineData(0, 0, false)]
    [InlineData(5, 0, false)]
    public void A_plan_is_an_upgrade_only_with_more_activations_than_the_key_has(int target, int current, bool bigger) =>
        Assert.Equal(bigger, UpgradeOffers.IsBigger(target, current));

    [Theory]
    [InlineData("149.00", "19.99", "129.01")]
    [InlineData("49.00", "9.50", "39.50")]
    [InlineData("10.00", "19.99", "0")]
    [InlineData("19.99", "19.99", "0")]
    public void An_upgrade_costs_the_difference_of_the_plans_prices_never_below_zero(string target, string current, string price) =>
        Assert.Equal(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture),
            UpgradeOffers.Price(decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(current, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Upgrading_a_single_site_key_to_Agency_keeps_the_key_its_site_and_expiry_and_lets_it_run_on_five_sites()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, bought, keys) = await BuyAsync(site);
        var key = keys[0];
        var masked = LicenseKeys.Mask(key.Key);
        var (_, agencyId) = await PlanAsync(site, Store.Agency);
        await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().PlanLicensingSettings.Where(p => p.PlanId == agencyId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.MatchBy, LicenseMatchRule.Domain).SetProperty(p => p.DeactivationsPer30Days, 10)));
        Assert.Equal((LicenseMatchRule.DomainOrIp, 3), (key.MatchBy, key.DeactivationsPer30Days));
        await LicensingArrange.AssertValidAsync(await LicensingArrange.VerifyAsync(site.CreateClient(), key.Key, "first.example.com", from: "198.51.100.1"));
        await LicensingArrange.AssertFailureAsync(await LicensingArrange.VerifyAsync(site.CreateClient(), key.Key, "second.example.com", from: "198.51.100.2"), 403, "Max activations exceeded.", "max_activations");

        // The key page offers the bigger plan for the difference.
        var keyPage = await customer.GetDocumentAsync($"/account/licenses/{key.Id}");
        var offer = Assert.Single(keyPage.QuerySelectorAll(".upgrade-offers li"));
        Assert.Equal("Agency (5 sites): 5 sites", offer.QuerySelector(".upgrade-plan")!.TextContent.Trim());
        Assert.Equal("129.01 USD", offer.QuerySelector(".upgrade-price")!.TextContent.Trim());

        var cart = await CartAfterAsync(customer, await customer.SubmitFormAsync(keyPage, ".upgrade-offers form.upgrade-form", new Dictionary<string, string>()));
        Assert.Contains($"Added the upgrade of {masked} to {Store.Agency} to your cart.", Notices(cart), StringComparison.Ordinal);
        var line = Assert.Single(cart.QuerySelectorAll("table.cart tbody tr"));
        Assert.Contains("Upgrade", line.QuerySelector("td[data-label='Product'] .badge")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"Upgrades {masked} from {Store.SingleSite}", line.QuerySelector(".renewal-note")!.TextContent.Trim());
        Assert.Equal(Store.Agency, line.QuerySelector("td[data-label='Plan']")!.TextContent.Trim());
        Assert.Null(line.QuerySelector("input[name='Quantity']"));
        Assert.Equal("129.01 USD", cart.Text(".cart-total"));

        using var paid = await customer.CheckoutAsync();
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var number = paid.Headers.Location!.OriginalString["/checkout/done/".Length..];

        var upgraded = Assert.Single(await LicensingArrange.AllAsync(site)); // no key issued
        Assert.Equal((key.Id, key.Key, key.ExpiresOn, bought), (upgraded.Id, upgraded.Key, upgraded.ExpiresOn, upgraded.OrderNumber));
        Assert.Equal((agencyId, 5, $"Site Builder Pro – {Store.Agency}"), (upgraded.PlanId, upgraded.MaxActivations, upgraded.ProductName));
        Assert.Equal((LicenseMatchRule.Domain, 10), (upgraded.MatchBy, upgraded.DeactivationsPer30Days));
        var loaded = await LicensingArrange.LoadAsync(site, key.Key);
        Assert.Equal(["first.example.com"], loaded.Activations.Select(a => a.Domain));
        var entry = Assert.Single(loaded.Events, e => e.Kind == LicenseEventKind.Upgraded);
        Assert.Equal($"Upgraded by order {number}, line 1: from Site Builder Pro – {Store.SingleSite} to Site Builder Pro – {Store.Agency}, Max Activations from 1 to 5.", entry.Detail);
        await LicensingArrange.AssertValidAsync(await LicensingArrange.VerifyAsync(site.CreateClient(), key.Key, "second.example.com", from: "198.51.100.2"));

        var order = await site.OrderAsync(number);
        var orderLine = Assert.Single(order.Lines);
        Assert.Equal((OrderLineKind.Upgrade, (int?)key.Id, masked, Store.SingleSite, agencyId, 129.01m), (orderLine.Kind, orderLine.LicenseId, orderLine.RenewsKey, orderLine.UpgradesFrom, orderLine.PlanId, orderLine.UnitPrice));
        Assert.Equal(129.01m, order.Total);

        // The confirmation page and mail say which key was upgraded to what; the key page shows the new plan and no bigger one.
        var done = await customer.GetDocumentAsync($"/checkout/done/{number}");
        var said = $"Upgraded: Site Builder Pro {masked} to {Store.Agency} (5 activations)";
        Assert.Contains(said, done.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Upgraded license keys", done.Body.TextContent, StringComparison.Ordinal);
        var mail = site.Mails().Last(m => m.Subject?.Contains(number, StringComparison.Ordinal) == true);
        Assert.Contains(said, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Upgrades {masked} from {Store.SingleSite}", mail.TextBody, StringComparison.Ordinal);
        var after = await customer.GetDocumentAsync($"/account/licenses/{key.Id}");
        Assert.Equal(Store.Agency, after.Text(".license-plan"));
        Assert.Null(after.QuerySelector(".license-upgrades"));
        Assert.NotNull(after.QuerySelector("table.history tr[data-kind='Upgraded']"));
    }

    [Fact]
    public async Task A_refund_of_the_upgrade_puts_the_key_back_on_its_plan_keeping_its_sites_but_taking_no_new_one_until_below_the_old_Max()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, bought, keys) = await BuyAsync(site);
        var key = keys[0];
        var number = await UpgradeAsync(site, customer, key.Id, Store.Agency);
        foreach (var (domain, from) in new[] { ("one.example.com", "198.51.100.1"), ("two.example.com", "198.51.100.2") })
        {
            await LicensingArrange.AssertValidAsync(await LicensingArrange.VerifyAsync(site.CreateClient(), key.Key, domain, from: from));
        }

        var admin = await site.AdminAsync();
        using var refund = await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Upgraded by mistake" });

        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);
        var back = await LicensingArrange.LoadAsync(site, key.Key);
        var (_, singleId) = await PlanAsync(site, Store.SingleSite);
        Assert.Equal((singleId, 1, $"Site Builder Pro – {Store.SingleSite}", key.ExpiresOn), (back.PlanId, back.MaxActivations, back.ProductName, back.ExpiresOn));
        Assert.Null(back.RevokedAt);
        Assert.Equal(2, back.Activations.Count); // both sites stay and keep running
        await LicensingArrange.AssertValidAsync(await LicensingArrange.VerifyAsync(site.CreateClient(), key.Key, "two.example.com", from: "198.51.100.2"));
        await LicensingArrange.AssertFailureAsync(await LicensingArrange.VerifyAsync(site.CreateClient(), key.Key, "three.example.com", from: "198.51.100.3"), 403, "Max activations exceeded.", "max_activations");
        var undone = back.Events.Where(e => e.Kind == LicenseEventKind.Upgraded).OrderBy(e => e.Id).Last();
        Assert.Equal($"Upgrade of order {number} refunded: back from Site Builder Pro – {Store.Agency} to Site Builder Pro – {Store.SingleSite}, Max Activations from 5 to 1.", undone.Detail);
        Assert.Equal(TestSite.AdminEmail, undone.Actor);
        Assert.NotNull(Assert.Single(await UpgradesAsync(site)).RefundedAt);
        Assert.Equal(OrderStatus.Paid, (await site.OrderAsync(bought)).Status);

        // The key page offers the upgrade again.
        Assert.Single((await customer.GetDocumentAsync($"/account/licenses/{key.Id}")).QuerySelectorAll(".upgrade-offers li"));
    }

    [Fact]
    public async Task Refunding_only_the_upgrade_line_of_an_order_puts_that_key_back_and_keeps_the_other_lines_key()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site);
        var key = keys[0];
        var (_, agencyId) = await PlanAsync(site, Store.Agency);
        (await PostUpgradeAsync(customer, key.Id, agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture))).Dispose();
        (await customer.AddToCartAsync("backup-guard", "Personal")).Dispose();
        using var paid = await customer.CheckoutAsync();
        var number = paid.Headers.Location!.OriginalString["/checkout/done/".Length..];
        var order = await site.OrderAsync(number);
        var upgradeLine = order.Lines.Single(l => l.Kind == OrderLineKind.Upgrade);
        Assert.Equal(5, (await LicensingArrange.LoadAsync(site, key.Key)).MaxActivations);

        var admin = await site.AdminAsync();
        using var refund = await Refunds.RefundArrange.RefundLinesAsync(admin, number, "Only the upgrade", upgradeLine.LineNumber);

        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);
        Assert.Equal(OrderStatus.PartiallyRefunded, (await site.OrderAsync(number)).Status);
        var back = await LicensingArrange.LoadAsync(site, key.Key);
        Assert.Equal((1, (DateTimeOffset?)null), (back.MaxActivations, back.RevokedAt));
        var other = (await LicensingArrange.AllAsync(site)).Single(l => l.OrderNumber == number);
        Assert.Null(other.RevokedAt);
    }

    [Fact]
    public async Task An_upgrade_to_a_Lifetime_plan_makes_the_key_Lifetime_and_its_refund_gives_the_expiry_back()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var customer = await site.RegisterCustomerAsync("lifetime@example.com");
        (await customer.AddToCartAsync("backup-guard", "Personal")).Dispose();
        (await customer.CheckoutAsync()).Dispose();
        var key = Assert.Single(await LicensingArrange.AllAsync(site));
        Assert.Equal(new DateOnly(2029, 3, 10), key.ExpiresOn);

        var page = await customer.GetDocumentAsync($"/account/licenses/{key.Id}");
        var offer = Assert.Single(page.QuerySelectorAll(".upgrade-offers li"));
        Assert.Equal("Lifetime (unlimited sites): Unlimited sites, Lifetime", offer.QuerySelector(".upgrade-plan")!.TextContent.Trim());
        Assert.Equal("39.50 USD", offer.QuerySelector(".upgrade-price")!.TextContent.Trim());
        var number = await UpgradeAsync(site, customer, key.Id, "Lifetime (unlimited sites)");

        var lifetime = Assert.Single(await LicensingArrange.AllAsync(site));
        Assert.Null(lifetime.ExpiresOn);
        Assert.Equal(0, lifetime.MaxActivations);
        var answer = await LicensingArrange.AssertValidAsync(await LicensingArrange.VerifyAsync(site.CreateClient(), key.Key, "any.example.com", from: "198.51.100.9"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("expiry").ValueKind);
        Assert.Null((await customer.GetDocumentAsync($"/account/licenses/{key.Id}")).QuerySelector(".license-upgrades"));

        var admin = await site.AdminAsync();
        (await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Changed my mind" })).Dispose();
        var back = Assert.Single(await LicensingArrange.AllAsync(site));
        Assert.Equal((new DateOnly(2029, 3, 10), 1), (back.ExpiresOn, back.MaxActivations));
    }

    [Fact]
    public async Task A_plan_that_is_not_an_upgrade_of_the_key_is_refused_with_words_and_the_cart_stays_empty()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site);
        var key = keys[0];
        var (_, singleId) = await PlanAsync(site, Store.SingleSite);
        var (_, otherProductPlan) = await PlanAsync(site, "Lifetime (unlimited sites)");

        foreach (var plan in new[] { singleId.ToString(System.Globalization.CultureInfo.InvariantCulture), otherProductPlan.ToString(System.Globalization.CultureInfo.InvariantCulture), "0", "-1", "abc", "99999999999" })
        {
            var cart = await CartAfterAsync(customer, await PostUpgradeAsync(customer, key.Id, plan));
            Assert.Contains("That plan is not an upgrade of this key.", Notices(cart), StringComparison.Ordinal);
            Assert.NotNull(cart.QuerySelector(".empty-cart"));
        }
    }

    [Fact]
    public async Task Revoked_suspended_and_expired_keys_offer_no_upgrade_and_say_why_when_asked()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site, quantity: 3);
        var (_, agencyId) = await PlanAsync(site, Store.Agency);
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LicensingDbContext>();
            await db.Licenses.Where(l => l.Id == keys[0].Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.RevokedAt, BoughtAt));
            await db.Licenses.Where(l => l.Id == keys[1].Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.SuspendedAt, BoughtAt).SetProperty(l => l.SuspensionReason, "Paused"));
        });
        await SetExpiryAsync(site, keys[2].Id, new DateOnly(2028, 3, 9));

        var expected = new[] { "A revoked key cannot be upgraded.", "A suspended key cannot be upgraded until it is reinstated.", "An expired key cannot be upgraded: renew it first." };
        for (var i = 0; i < 3; i++)
        {
            Assert.Null((await customer.GetDocumentAsync($"/account/licenses/{keys[i].Id}")).QuerySelector(".license-upgrades"));
            var cart = await CartAfterAsync(customer, await PostUpgradeAsync(customer, keys[i].Id, agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Contains(expected[i], Notices(cart), StringComparison.Ordinal);
            Assert.NotNull(cart.QuerySelector(".empty-cart"));
        }
    }

    [Fact]
    public async Task Another_customers_key_is_a_404_and_a_key_in_the_cart_takes_one_change_per_order()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site);
        var (other, _, _) = await BuyAsync(site, "other@example.com");
        var (_, agencyId) = await PlanAsync(site, Store.Agency);
        var agency = agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using (var foreign = await PostUpgradeAsync(other, keys[0].Id, agency))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        Assert.NotNull((await other.GetDocumentAsync("/cart")).QuerySelector(".empty-cart"));

        // The renewal first, then the upgrade of the same key: refused; the other way round likewise.
        (await RenewFromKeyPageAsync(customer, keys[0].Id)).Dispose();
        var refused = await CartAfterAsync(customer, await PostUpgradeAsync(customer, keys[0].Id, agency));
        Assert.Contains("This key already has a renewal or an upgrade in your cart", Notices(refused), StringComparison.Ordinal);
        Assert.Single(refused.QuerySelectorAll("table.cart tbody tr"));
        Assert.Contains("Renewal", refused.Text("table.cart tbody td[data-label='Product'] .badge"), StringComparison.Ordinal);
        (await customer.SubmitFormAsync(refused, "table.cart form.remove-line", new Dictionary<string, string>())).Dispose();

        (await PostUpgradeAsync(customer, keys[0].Id, agency)).Dispose();
        (await PostUpgradeAsync(customer, keys[0].Id, agency)).Dispose(); // again: still one line
        var renewAfter = await CartAfterAsync(customer, await RenewFromKeyPageAsync(customer, keys[0].Id));
        Assert.Contains("This key already has a renewal or an upgrade in your cart", Notices(renewAfter), StringComparison.Ordinal);
        var line = Assert.Single(renewAfter.QuerySelectorAll("table.cart tbody tr"));
        Assert.Equal("Upgrade", line.QuerySelector(".badge")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_upgrade_in_the_cart_is_priced_again_and_is_not_sold_once_the_key_is_revoked()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site);
        var (_, agencyId) = await PlanAsync(site, Store.Agency);
        (await PostUpgradeAsync(customer, keys[0].Id, agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture))).Dispose();
        Assert.Equal("129.01 USD", (await customer.GetDocumentAsync("/cart")).Text(".cart-total"));

        await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().Licenses.Where(l => l.Id == keys[0].Id)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.RevokedAt, BoughtAt)));

        var cart = await customer.GetDocumentAsync("/cart");
        Assert.Equal("A revoked key cannot be upgraded.", cart.Text("table.cart tbody .badge-warning"));
        using var checkout = await customer.CheckoutAsync();
        Assert.Empty(await UpgradesAsync(site));
        Assert.Single(await site.OrdersAsync()); // only the purchase of the key
    }

    [Fact]
    public async Task A_key_on_the_biggest_plan_or_without_a_plan_offers_no_upgrade()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var customer = await site.RegisterCustomerAsync("agency@example.com");
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.Agency)).Dispose();
        (await customer.CheckoutAsync()).Dispose();
        var key = Assert.Single(await LicensingArrange.AllAsync(site));

        Assert.Null((await customer.GetDocumentAsync($"/account/licenses/{key.Id}")).QuerySelector(".license-upgrades"));
        await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().Licenses.Where(l => l.Id == key.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.PlanId, (int?)null).SetProperty(l => l.MaxActivations, 1)));
        Assert.Null((await customer.GetDocumentAsync($"/account/licenses/{key.Id}")).QuerySelector(".license-upgrades"));
    }

    [Fact]
    public async Task Upgrading_and_refunding_the_upgrade_works_the_same_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o => { o.PostgresConnectionString = database.ConnectionString; o.Now = BoughtAt; }, withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site);
        var key = keys[0];
        await LicensingArrange.AssertValidAsync(await LicensingArrange.VerifyAsync(site.CreateClient(), key.Key, "one.example.com", from: "198.51.100.1"));

        var number = await UpgradeAsync(site, customer, key.Id, Store.Agency);
        Assert.Equal(5, (await LicensingArrange.LoadAsync(site, key.Key)).MaxActivations);
        await LicensingArrange.AssertValidAsync(await LicensingArrange.VerifyAsync(site.CreateClient(), key.Key, "two.example.com", from: "198.51.100.2"));

        var admin = await site.AdminAsync();
        using var refund = await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Upgraded by mistake" });
        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);
        var back = await LicensingArrange.LoadAsync(site, key.Key);
        Assert.Equal((1, 2), (back.MaxActivations, back.ActivationsUsed));
        await LicensingArrange.AssertFailureAsync(await LicensingArrange.VerifyAsync(site.CreateClient(), key.Key, "three.example.com", from: "198.51.100.3"), 403, "Max activations exceeded.", "max_activations");
    }

    /// <summary>Clicks Upgrade to <paramref name="planName"/> on the key page and pays; returns the order number.</summary>
    private static async Task<string> UpgradeAsync(TestSite site, HttpClient customer, int licenseId, string planName)
    {
        var (_, planId) = await PlanAsync(site, planName);
        (await customer.SubmitFormAsync($"/account/licenses/{licenseId}", $".upgrade-offers li[data-plan-id='{planId}'] form.upgrade-form", new Dictionary<string, string>())).Dispose();
        using var paid = await customer.CheckoutAsync();
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        return paid.Headers.Location!.OriginalString["/checkout/done/".Length..];
    }

    /// <summary>POSTs the Upgrade form for any key and plan value, with the client's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostUpgradeAsync(HttpClient client, int licenseId, string planId)
    {
        var page = await client.GetDocumentAsync("/account");
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", Html.AntiforgeryToken(page)), new("planId", planId)]);
        return await client.PostAsync($"/account/licenses/{licenseId}/upgrade", content);
    }

    private static Task<List<LicenseUpgrade>> UpgradesAsync(TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().LicenseUpgrades.AsNoTracking().OrderBy(u => u.Id).ToListAsync());
}
