using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Licensing;

/// <summary>Starts test sites for licensing: the <c>store</c> recipe, a customer, and a Verify rate limit out of the way.</summary>
internal static class LicensingSite
{
    public static async Task<TestSite> StartAsync(Action<TestSiteOptions>? configure = null, bool withCustomer = true)
    {
        var site = TestSite.Start(o =>
        {
            o.Settings["StoreSite:Licensing:Verify:PermitPerMinute"] = "100000";
            configure?.Invoke(o);
        });
        if (withCustomer)
        {
            await LicensingArrange.CreateCustomerAsync(site);
        }

        return site;
    }
}
