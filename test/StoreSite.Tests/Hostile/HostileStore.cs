using System.Net;
using CP.Commerce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using StoreSite.Users;

namespace StoreSite.Tests.Hostile;

/// <summary>
/// A set-up store (the <c>store</c> recipe, rate limits out of the way) with something behind every
/// form: keys of Site Builder Pro that are full, revoked and expired, a paid order, a customer with a cart, the admin.
/// Shared by the cases of one corpus, which change nothing.
/// </summary>
public sealed class HostileStore : IAsyncLifetime, IHostileSite
{
    public const string ShopperEmail = "shopper@example.com";

    /// <summary>The only environment of <see cref="FullKey"/> (Max Activations 1).</summary>
    public const string KnownDomain = "apple.com";

    public const string KnownIp = "203.0.113.1";

    /// <summary>The one proxy whose forwarded headers the store reads (<c>StoreSite:ForwardedHeaders:KnownProxies</c>).</summary>
    public const string TrustedProxy = "192.0.2.200";

    private HttpClient? _anonymous;
    private HttpClient? _customer;
    private HttpClient? _admin;

    internal TestSite Site { get; private set; } = null!;

    public string FullKey { get; } = LicensingArrange.SignedKey();

    public string RevokedKey { get; } = LicensingArrange.SignedKey();

    public string ExpiredKey { get; } = LicensingArrange.SignedKey();

    /// <summary>Well-formed and signed, but never issued.</summary>
    public string UnknownKey { get; } = LicensingArrange.SignedKey();

    public string PaidOrder { get; private set; } = string.Empty;

    public int ProductId { get; private set; }

    public int OtherProductId { get; private set; }

    public int PlanId { get; private set; }

    /// <summary>The store recipe's discount code WELCOME10.</summary>
    public int DiscountId { get; private set; }

    /// <summary>The sample release of <see cref="OtherProductId"/> (the store recipe's).</summary>
    public int OtherReleaseId { get; private set; }

    public int FullKeyId { get; private set; }

    public int RevokedKeyId { get; private set; }

    /// <summary>The environment on <see cref="FullKey"/>'s allow-list.</summary>
    public int KnownEnvironmentId { get; private set; }

    public string ShopperId { get; private set; } = string.Empty;

    public string AdminId { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Site = TestSite.Start(o =>
        {
            o.Settings["StoreSite:Licensing:Verify:PermitPerMinute"] = "1000000";
            o.Settings["StoreSite:SignIn:PermitPerMinute"] = "1000000";
            o.Settings["StoreSite:ForwardedHeaders:KnownProxies"] = TrustedProxy;
        });
        await LicensingArrange.RunRecipeAsync(
            Site,
            LicensingArrange.SettingsStep(),
            LicensingArrange.UsersStep(LicensingArrange.CustomerEmail),
            LicensingArrange.LicensesStep(
                VerifyApiV2Tests.Keyed(LicensingArrange.License(FullKey, max: 1, activations: (KnownDomain, KnownIp)), Store.SiteBuilder),
                VerifyApiV2Tests.Keyed(LicensingArrange.License(RevokedKey, status: "Revoked"), Store.SiteBuilder),
                VerifyApiV2Tests.Keyed(LicensingArrange.License(ExpiredKey, expiry: "2000-01-01"), Store.SiteBuilder)));
        (_customer, PaidOrder) = await Site.PaidOrderAsync(ShopperEmail);
        (await _customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        _admin = await Site.AdminAsync();
        _anonymous = Site.CreateClient();
        PlanId = await Site.PlanIdAsync(Store.SiteBuilder, Store.SingleSite);
        DiscountId = await Site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Discounts.Where(d => d.Code == "WELCOME10").Select(d => d.Id).SingleAsync());
        (ProductId, OtherProductId) = await Site.InScopeAsync(async sp =>
        {
            var products = await sp.GetRequiredService<CommerceDbContext>().Products.OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug }).ToListAsync();
            return (products.Single(p => p.Slug == Store.SiteBuilder).Id, products.First(p => p.Slug != Store.SiteBuilder).Id);
        });
        OtherReleaseId = await Site.InScopeAsync(sp => sp.GetRequiredService<CP.Downloads.Data.DownloadsDbContext>().Releases.Where(r => r.ProductId == OtherProductId).Select(r => r.Id).SingleAsync());
        var full = await LicensingArrange.LoadAsync(Site, FullKey);
        (FullKeyId, KnownEnvironmentId) = (full.Id, full.Activations.Single().Id);
        RevokedKeyId = (await LicensingArrange.LoadAsync(Site, RevokedKey)).Id;
        (ShopperId, AdminId) = await Site.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<IUserDirectory>();
            return ((await users.FindByEmailAsync(ShopperEmail, CancellationToken.None))!.Id, (await users.FindByEmailAsync(TestSite.AdminEmail, CancellationToken.None))!.Id);
        });
    }

    HttpClient IHostileSite.Client(Who who) => Client(who);

    internal HttpClient Client(Who who) => who switch
    {
        Who.Customer => _customer!,
        Who.Admin => _admin!,
        _ => _anonymous!,
    };

    public string Expand(string location) => location
        .Replace("{order}", PaidOrder, StringComparison.Ordinal)
        .Replace("{product}", ProductId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{shopper}", ShopperId, StringComparison.Ordinal)
        .Replace("{admin}", AdminId, StringComparison.Ordinal)
        .Replace("{full}", FullKeyId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{revoked}", RevokedKeyId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Every link in every mail sent so far is on the site's own address (no public address is set: the server's, <c>http://localhost/</c>).</summary>
    public void AssertMailLinksOnTheSite()
    {
        foreach (var mail in MailPickup.All(Site.MailFolder))
        {
            var links = System.Text.RegularExpressions.Regex.Matches(mail.TextBody + mail.HtmlBody, "https?://[^\\s\"<>]*").Select(m => m.Value).ToList();
            Assert.All(links, link => Assert.StartsWith("http://localhost/", link, StringComparison.Ordinal));
            Assert.DoesNotContain("evil.example", mail.TextBody + mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        }
    }

    public Task<string> FingerprintAsync(bool withoutRefusals = false) => DatabaseFingerprint.TakeAsync(Site.AppData, withoutRefusals);

    /// <summary>A known environment verifies, and every visitor's next page renders (which also shows and clears any notice).</summary>
    public async Task AssertServingAsync()
    {
        using (var verify = await LicensingArrange.VerifyAsync(_anonymous!, FullKey, KnownDomain, from: KnownIp))
        {
            var body = await LicensingArrange.AssertValidAsync(verify);
            Assert.Equal(1, body.GetProperty("activations").GetProperty("used").GetInt32());
        }

        foreach (var (client, page) in new[] { (_anonymous!, "/"), (_customer!, "/account"), (_admin!, "/admin") })
        {
            using var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    public async Task DisposeAsync()
    {
        _anonymous?.Dispose();
        _customer?.Dispose();
        _admin?.Dispose();
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }
    }
}
