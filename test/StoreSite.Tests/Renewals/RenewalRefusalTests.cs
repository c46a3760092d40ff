using System.Net;
using CP.Licensing.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Renewals.RenewalArrange;

namespace StoreSite.Tests.Renewals;

/// <summary>Keys that cannot be renewed: no Renew button, and a POST of the Renew form is refused with a message (or 404 / sign-in).</summary>
public sealed class RenewalRefusalTests
{
    [Fact]
    public async Task Revoked_suspended_and_Lifetime_keys_show_no_Renew_and_a_posted_renewal_is_refused_with_the_reason()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site, quantity: 3);
        (await customer.AddToCartAsync("backup-guard", "Lifetime (unlimited sites)")).Dispose();
        (await customer.CheckoutAsync()).Dispose();
        var lifetime = (await LicensingArrange.AllAsync(site)).Single(l => l.ExpiresOn is null);
        var (revoked, suspended, renewable) = (keys[0], keys[1], keys[2]);
        await site.InScopeAsync(async sp =>
        {
            Assert.True((await sp.GetRequiredService<LicenseRevoker>().RevokeAsync(revoked.Id, "Abuse", TestSite.AdminEmail, CancellationToken.None)).Succeeded);
            Assert.True((await sp.GetRequiredService<LicenseSuspensions>().SuspendAsync(suspended.Id, "Looking into it", TestSite.AdminEmail, CancellationToken.None)).Succeeded);
        });

        var list = await customer.GetDocumentAsync("/account/licenses");
        Assert.Equal([renewable.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], list.QuerySelectorAll("form.renew-form").Select(f => f.Closest("tr")!.GetAttribute("data-license-id")));
        foreach (var key in new[] { revoked, suspended, lifetime })
        {
            Assert.Null((await customer.GetDocumentAsync($"/account/licenses/{key.Id}")).QuerySelector("form.renew-form"));
        }

        Assert.NotNull((await customer.GetDocumentAsync($"/account/licenses/{renewable.Id}")).QuerySelector("form.renew-form"));

        foreach (var (key, message) in new[]
        {
            (revoked, "A revoked key cannot be renewed."),
            (suspended, "A suspended key cannot be renewed until it is reinstated."),
            (lifetime, "A Lifetime key never expires: there is nothing to renew."),
        })
        {
            var cart = await CartAfterAsync(customer, await PostRenewAsync(customer, key.Id));
            Assert.Contains(message, Notices(cart), StringComparison.Ordinal);
            Assert.NotNull(cart.QuerySelector(".empty-cart"));
        }

        Assert.Equal(3 + 1, (await LicensingArrange.AllAsync(site)).Count);
        Assert.Empty(await RenewalsAsync(site));
    }

    [Fact]
    public async Task A_plan_with_renewals_off_shows_no_Renew_refuses_the_post_and_a_renewal_already_in_the_cart_cannot_be_checked_out()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site, quantity: 2);
        (await RenewFromListAsync(customer, keys[0].Id)).Dispose();

        var admin = await site.AdminAsync();
        using var saved = await EditRenewalAsync(site, admin, Store.SingleSite, enabled: false, price: string.Empty);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Empty((await customer.GetDocumentAsync("/account/licenses")).QuerySelectorAll("form.renew-form"));
        Assert.Null((await customer.GetDocumentAsync($"/account/licenses/{keys[1].Id}")).QuerySelector("form.renew-form"));
        var refused = await CartAfterAsync(customer, await PostRenewAsync(customer, keys[1].Id));
        Assert.Contains("This key's plan does not offer renewals.", Notices(refused), StringComparison.Ordinal);
        var line = Assert.Single(refused.QuerySelectorAll("table.cart tbody tr"));
        Assert.Contains("This key's plan does not offer renewals.", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("Remove them to check out", refused.Body!.TextContent, StringComparison.Ordinal);

        var expiry = keys[0].ExpiresOn;
        using var checkout = await customer.CheckoutAsync();
        var stopped = await CartAfterAsync(customer, checkout);
        Assert.Contains("Site Builder Pro – Single site is no longer available", Notices(stopped), StringComparison.Ordinal);
        Assert.Single(await site.OrdersAsync()); // only the purchase
        Assert.Equal(expiry, (await LicensingArrange.LoadAsync(site, keys[0].Key)).ExpiresOn);
        Assert.Empty(await RenewalsAsync(site));
    }

    [Fact]
    public async Task Another_customers_key_is_a_404_an_anonymous_renewal_goes_to_sign_in_and_the_form_needs_its_token()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var (owner, _, keys) = await BuyAsync(site);
        var stranger = await site.RegisterCustomerAsync("stranger@example.com");

        using var others = await PostRenewAsync(stranger, keys[0].Id);
        using var unknown = await PostRenewAsync(stranger, 999_999);
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.NotNull((await stranger.GetDocumentAsync("/cart")).QuerySelector(".empty-cart"));

        using var anonymous = await PostRenewAsync(site.CreateClient(), keys[0].Id, signedIn: false);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var noToken = await owner.PostAsync($"/account/licenses/{keys[0].Id}/renew", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        using var get = await owner.GetAsync($"/account/licenses/{keys[0].Id}/renew");
        Assert.True(get.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"GET answered {(int)get.StatusCode}");
        Assert.NotNull((await owner.GetDocumentAsync("/cart")).QuerySelector(".empty-cart"));
    }
}
