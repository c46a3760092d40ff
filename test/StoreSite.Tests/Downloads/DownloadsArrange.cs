using System.Net;
using System.Text.Json.Nodes;
using CP.Downloads.Entitlement;
using CP.Downloads.Models;
using CP.Downloads.Releases;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using StoreSite.Users;

namespace StoreSite.Tests.Downloads;

/// <summary>
/// Arranges entitlement cases through the product's entry points: a site whose clock starts on
/// <see cref="Start"/> (the store recipe publishes its sample releases then), releases published as the
/// clock moves on, licenses imported by recipe, purchases through the cart and checkout.
/// </summary>
internal static class DownloadsArrange
{
    public static readonly DateTimeOffset Start = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    public const string IconPack = "icon-pack";

    public const string IconPackPlan = "Forever";

    public static TestSite StartSite(Action<TestSiteOptions>? configure = null) => TestSite.Start(o =>
    {
        o.Now = Start;
        configure?.Invoke(o);
    });

    /// <summary>Moves the clock to <paramref name="at"/> (UTC noon of that day) and publishes a release there through the upload service.</summary>
    public static async Task<Release> PublishAsync(TestSite site, string slug, string version, DateOnly at, bool published = true, string notes = "")
    {
        MoveTo(site, at);
        var productId = await ReleasePages.ProductIdAsync(site, slug);
        var outcome = await site.InScopeAsync(sp => sp.GetRequiredService<ReleaseUploads>()
            .CreateAsync(new ReleaseUpload(productId, version, notes, published, $"{slug}-{version}.zip", new MemoryStream(ReleasePages.Bytes(1500 + version.Length))), CancellationToken.None));
        Assert.True(outcome.Succeeded, outcome.Problem);
        return outcome.Value!;
    }

    public static void MoveTo(TestSite site, DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        if (target > site.Clock.GetUtcNow())
        {
            // AdjustTime, not SetUtcNow: a jump of years would fire the site's periodic workers once per
            // period on the way (the order sweeper every 5 minutes: 400,000 sweeps for four years).
            site.Clock.AdjustTime(target);
        }
    }

    /// <summary>A customer with licenses imported by the Licenses step (each a <see cref="LicensingArrange.License"/> with a product slug).</summary>
    public static async Task<string> CustomerWithLicensesAsync(TestSite site, string email, params JsonObject[] licenses)
    {
        await LicensingArrange.RunRecipeAsync(site, LicensingArrange.SettingsStep(), LicensingArrange.UsersStep(email), LicensingArrange.LicensesStep(licenses));
        return await CustomerIdAsync(site, email);
    }

    public static JsonObject License(string email, string slug, string? expiry = null, string status = "Active")
    {
        var license = LicensingArrange.License(email: email, product: slug, expiry: expiry, status: status);
        license["productSlug"] = slug;
        return license;
    }

    public static Task<string> CustomerIdAsync(TestSite site, string email) =>
        site.InScopeAsync(async sp => (await sp.GetRequiredService<IUserDirectory>().FindByEmailAsync(email, CancellationToken.None))!.Id);

    /// <summary>Adds the product <see cref="IconPack"/> with one plan that issues no license.</summary>
    public static Task AddUnlicensedProductAsync(TestSite site) =>
        LicensingArrange.RunRecipeAsync(site, new JsonObject
        {
            ["name"] = "Products",
            ["products"] = new JsonArray(new JsonObject
            {
                ["name"] = "Icon Pack",
                ["slug"] = IconPack,
                ["plans"] = new JsonArray(new JsonObject { ["name"] = IconPackPlan, ["price"] = 5 }),
            }),
        });

    /// <summary>Registers <paramref name="email"/> and buys one unit of a plan; answers the signed-in client and the order number.</summary>
    public static async Task<(HttpClient Client, string Number)> BuyAsync(TestSite site, string email, string slug, string plan)
    {
        var client = await site.RegisterCustomerAsync(email);
        (await client.AddToCartAsync(slug, plan)).Dispose();
        using var response = await client.CheckoutAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, response.Headers.Location!.OriginalString["/checkout/done/".Length..]);
    }

    public static async Task RefundAsync(TestSite site, string number)
    {
        var admin = await site.AdminAsync();
        using var response = await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Asked for it" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CP.Commerce.Models.OrderStatus.Refunded, (await site.OrderAsync(number)).Status);
    }

    /// <summary>The versions of <paramref name="slug"/> the customer may download now, asked release by release.</summary>
    public static Task<List<string>> DownloadableAsync(TestSite site, string customerId, string slug) =>
        site.InScopeAsync(async sp =>
        {
            var entitlements = sp.GetRequiredService<DownloadEntitlements>();
            var versions = new List<string>();
            foreach (var release in await ReleasePages.ReleasesAsync(site, await ReleasePages.ProductIdAsync(site, slug)))
            {
                if (await entitlements.MayDownloadAsync(customerId, release, CancellationToken.None))
                {
                    versions.Add(release.Version);
                }
            }

            return versions;
        });

    public static Task<IReadOnlyList<ProductEntitlement>> EntitlementsAsync(TestSite site, string customerId) =>
        site.InScopeAsync(sp => sp.GetRequiredService<DownloadEntitlements>().ForCustomerAsync(customerId, CancellationToken.None));

    /// <summary>
    /// Publishes Site Builder Pro 2.0.0 (2026-03-01), gives <paramref name="email"/> a Lifetime key for it and
    /// takes the newest release's link from their Account -> Downloads page.
    /// </summary>
    public static async Task<(Release Release, string Href)> AccountLinkAsync(TestSite site, string email)
    {
        var release = await PublishAsync(site, Store.SiteBuilder, "2.0.0", new DateOnly(2026, 3, 1));
        await CustomerWithLicensesAsync(site, email, License(email, Store.SiteBuilder));
        var customer = await site.SignInAsync(email, TestSite.CustomerPassword);
        var page = await customer.GetDocumentAsync("/account/downloads");
        return (release, page.QuerySelector("section.product-downloads .latest-release a.download-link")!.GetAttribute("href")!);
    }
}
