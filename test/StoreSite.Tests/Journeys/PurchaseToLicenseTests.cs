using System.Net;
using System.Text.RegularExpressions;
using CP.Licensing.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Journeys;

/// <summary>The whole product through its own entry points: buy a licensed plan, get keys, verify, refund.</summary>
public sealed partial class PurchaseToLicenseTests
{
    [Fact]
    public async Task A_paid_order_for_a_licensed_plan_issues_one_key_per_unit_shown_on_the_confirmation_page_and_in_the_email()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        var (customer, number) = await site.PaidOrderAsync("buyer@example.com", quantity: 2);

        var done = await customer.GetDocumentAsync($"/checkout/done/{number}");
        var shown = done.QuerySelectorAll(".license-keys input").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(2, shown.Count);
        Assert.All(shown, key => Assert.Matches(KeyPattern(), key));
        Assert.All(done.QuerySelectorAll(".license-keys input"), i => Assert.Equal("License key for Site Builder Pro – Single site", i.GetAttribute("aria-label")));
        var licenses = await LicensingArrange.AllAsync(site);
        Assert.Equal(shown.Order(StringComparer.Ordinal), licenses.Select(l => l.Key).Order(StringComparer.Ordinal));
        Assert.All(licenses, l =>
        {
            Assert.Equal(("Site Builder Pro – Single site", 1, number), (l.ProductName, l.MaxActivations, l.OrderNumber));
            Assert.Equal(DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime).AddYears(1), l.ExpiresOn);
        });

        var mail = site.Mails().Single(m => m.Subject?.Contains(number, StringComparison.Ordinal) == true);
        Assert.All(shown, key => Assert.Contains(key, mail.TextBody, StringComparison.Ordinal));
        Assert.All(shown, key => Assert.Contains(key, mail.HtmlBody ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bought_key_runs_on_its_first_domain_refuses_a_second_and_is_revoked_by_the_refund()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var (_, number) = await site.PaidOrderAsync("buyer@example.com");
        var key = Assert.Single(await LicensingArrange.AllAsync(site)).Key;
        var api = site.CreateClient();

        var first = await LicensingArrange.AssertValidAsync(await LicensingArrange.VerifyAsync(api, key, "www.Shop-One.example.com", from: "198.51.100.1"));
        Assert.Equal("Site Builder Pro – Single site", first.GetProperty("product").GetString());
        Assert.Equal((1, 1), (first.GetProperty("activations").GetProperty("used").GetInt32(), first.GetProperty("activations").GetProperty("max").GetInt32()));
        await LicensingArrange.AssertFailureAsync(await LicensingArrange.VerifyAsync(api, key, "shop-two.example.com", from: "198.51.100.2"), 403, "Max activations exceeded.", "max_activations");
        await LicensingArrange.AssertValidAsync(await LicensingArrange.VerifyAsync(api, key, "shop-one.example.com", from: "198.51.100.1"));

        var admin = await site.AdminAsync();
        using var refund = await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Chargeback" });
        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);

        await LicensingArrange.AssertFailureAsync(await LicensingArrange.VerifyAsync(api, key, "shop-one.example.com", from: "198.51.100.1"), 403, "License has been revoked.", "revoked");
        var license = Assert.Single(await LicensingArrange.AllAsync(site));
        Assert.Equal(($"Order {number} refunded", TestSite.AdminEmail), (license.RevocationReason, license.RevokedBy));
    }

    [Fact]
    public async Task A_refund_runs_the_revocation_of_its_keys_once_and_records_one_history_entry_per_key()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var (_, number) = await site.PaidOrderAsync("once@example.com", quantity: 3);
        var admin = await site.AdminAsync();

        using var refund = await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Duplicate order" });

        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);
        // The revocation statement runs once per refund (no rehearsal that is rolled back): it logs once.
        Assert.Single(site.Logs.Lines, line => line.Contains($"license keys of order {number}", StringComparison.Ordinal));
        var revocations = await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().LicenseEvents.CountAsync(e => e.Kind == CP.Licensing.Models.LicenseEventKind.Revoked));
        Assert.Equal(3, revocations);
        Assert.All(await LicensingArrange.AllAsync(site), l => Assert.NotNull(l.RevokedAt));
    }

    [Fact]
    public async Task A_product_sold_in_one_plan_snapshots_the_product_name_alone_and_an_unlicensed_plan_issues_nothing()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        await LicensingArrange.RunRecipeAsync(site, System.Text.Json.Nodes.JsonNode.Parse("""
            {
              "name": "Products",
              "products": [
                { "name": "Theme Kit", "slug": "theme-kit", "description": "Themes.", "active": true,
                  "plans": [ { "name": "Standard", "price": 30, "active": true,
                               "licensing": { "issueLicense": true, "lifetime": true, "maxActivations": 3 } } ] },
                { "name": "Icon Pack", "slug": "icon-pack", "description": "Icons.", "active": true,
                  "plans": [ { "name": "Standard", "price": 5, "active": true } ] }
              ]
            }
            """)!.AsObject());
        var customer = await site.RegisterCustomerAsync("kit@example.com");
        (await customer.AddToCartAsync("theme-kit", "Standard")).Dispose();
        (await customer.AddToCartAsync("icon-pack", "Standard", 4)).Dispose();

        using var checkout = await customer.CheckoutAsync();

        Assert.Equal(HttpStatusCode.Redirect, checkout.StatusCode);
        var license = Assert.Single(await LicensingArrange.AllAsync(site));
        Assert.Equal(("Theme Kit", 3, (DateOnly?)null), (license.ProductName, license.MaxActivations, license.ExpiresOn));
    }

    [Fact]
    public async Task A_declined_payment_issues_no_key()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var customer = await site.RegisterCustomerAsync("declined@example.com");
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();

        (await customer.CheckoutAsync(simulateDecline: true)).Dispose();

        var count = await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().Licenses.CountAsync());
        Assert.Equal(0, count);
    }

    [GeneratedRegex("^CP-[0-9A-HJKMNP-TV-Z]{6}-[0-9A-HJKMNP-TV-Z]{6}-[0-9A-HJKMNP-TV-Z]{6}-[0-9A-HJKMNP-TV-Z]{6}-[0-9A-HJKMNP-TV-Z]{6}$")]
    private static partial Regex KeyPattern();
}
