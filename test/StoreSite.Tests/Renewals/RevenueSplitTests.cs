using AngleSharp.Dom;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using StoreSite.Tests.Refunds;
using static StoreSite.Tests.Renewals.RenewalArrange;

namespace StoreSite.Tests.Renewals;

/// <summary>The dashboard's revenue of the last 30 days split into new sales, renewals and upgrades, each line at what was kept of it.</summary>
public sealed class RevenueSplitTests
{
    [Fact]
    public async Task New_sales_renewals_and_upgrades_are_summed_apart_and_a_refunded_line_leaves_its_kind()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero), withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site);
        (await RenewFromKeyPageAsync(customer, keys[0].Id)).Dispose();
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        string mixed;
        using (var paid = await customer.CheckoutAsync())
        {
            mixed = paid.Headers.Location!.OriginalString["/checkout/done/".Length..];
        }

        var (_, agencyPlan) = await PlanAsync(site, Store.Agency);
        (await customer.SubmitFormAsync($"/account/licenses/{keys[0].Id}", $".upgrade-offers li[data-plan-id='{agencyPlan}'] form.upgrade-form", new Dictionary<string, string>())).Dispose();
        (await customer.CheckoutAsync()).Dispose();
        var admin = await site.AdminAsync();

        var before = Split(await admin.GetDocumentAsync("/admin"));
        var renewal = (await site.OrderAsync(mixed)).Lines.Single(l => l.Kind == CP.Commerce.Events.OrderLineKind.Renewal);
        (await RefundArrange.RefundLinesAsync(admin, mixed, "Renewed by mistake", renewal.LineNumber)).Dispose();
        var after = Split(await admin.GetDocumentAsync("/admin"));

        Assert.Equal(("39.98 USD", "19.99 USD", "129.01 USD"), before);
        Assert.Equal(("39.98 USD", "0.00 USD", "129.01 USD"), after);
    }

    private static (string New, string Renewals, string Upgrades) Split(IDocument page)
    {
        var split = page.QuerySelector(".sales-dashboard dl.revenue-split[data-currency='USD']")!;
        string Of(string kind) => split.QuerySelector($"[data-kind='{kind}'] dd")!.TextContent.Trim();
        return (Of("new"), Of("renewal"), Of("upgrade"));
    }
}
