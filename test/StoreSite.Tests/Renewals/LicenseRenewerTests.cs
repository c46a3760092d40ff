using CP.Commerce.Events;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;
using static StoreSite.Tests.Licensing.OrderArrange;

namespace StoreSite.Tests.Renewals;

/// <summary>Licensing's side of a renewal, with hand-built orders raised as checkout and refunds raise them: expiry, history, refunds, Verify.</summary>
public sealed class LicenseRenewerTests
{
    private static readonly DateTimeOffset BoughtAt = new(2028, 1, 31, 18, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_renewals_then_a_refund_of_the_first_leave_the_original_expiry_plus_the_second_and_Verify_follows_each_step()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt);
        await SavePlansAsync(site);
        var bought = await OrderAsync(site, "SO-2028-000001", BoughtAt, (SingleSitePlan, "Gallery Pro", 1));
        await PaidAsync(site, bought);
        var key = Assert.Single(await AllAsync(site));
        Assert.Equal(new DateOnly(2029, 1, 31), key.ExpiresOn);
        Assert.Equal("2029-01-31", await ExpiryAsync(site, key.Key));

        var first = RenewalOrder(bought, "SO-2028-000002", new DateTimeOffset(2028, 6, 1, 8, 0, 0, TimeSpan.Zero), key);
        var second = RenewalOrder(bought, "SO-2028-000003", new DateTimeOffset(2028, 7, 1, 8, 0, 0, TimeSpan.Zero), key);
        await PaidAsync(site, first);
        Assert.Equal("2030-01-31", await ExpiryAsync(site, key.Key));
        await PaidAsync(site, second);
        Assert.Equal("2031-01-31", await ExpiryAsync(site, key.Key));

        await RefundedAsync(site, first);

        var afterFirst = await LoadAsync(site, key.Key);
        Assert.Equal(new DateOnly(2030, 1, 31), afterFirst.ExpiresOn); // 2029-01-31 + the second renewal's year
        Assert.Null(afterFirst.RevokedAt);
        Assert.Equal("2030-01-31", await ExpiryAsync(site, key.Key));
        Assert.Contains(afterFirst.Events, e => e.Kind == LicenseEventKind.ExpiryChanged && e.Detail == "Renewal of order SO-2028-000002 refunded: expiry from 2031-01-31 to 2030-01-31.");

        await RefundedAsync(site, second);
        Assert.Equal("2029-01-31", await ExpiryAsync(site, key.Key));
        var renewals = await RenewalArrange.RenewalsAsync(site);
        Assert.Equal(2, renewals.Count);
        Assert.All(renewals, r => Assert.NotNull(r.RefundedAt));
        Assert.Single(await AllAsync(site));
    }

    [Fact]
    public async Task A_renewal_raised_twice_renews_once_and_issues_no_key()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt);
        await SavePlansAsync(site);
        var bought = await OrderAsync(site, "SO-2028-000001", BoughtAt, (FiveSitesMonthlyPlan, "Forms Plus", 1));
        await PaidAsync(site, bought);
        var key = Assert.Single(await AllAsync(site));
        Assert.Equal(new DateOnly(2028, 2, 29), key.ExpiresOn);

        var renewal = RenewalOrder(bought, "SO-2028-000002", new DateTimeOffset(2028, 2, 10, 8, 0, 0, TimeSpan.Zero), key);
        await PaidAsync(site, renewal);
        await PaidAsync(site, renewal);

        var renewed = Assert.Single(await AllAsync(site));
        Assert.Equal(new DateOnly(2028, 3, 29), renewed.ExpiresOn); // Feb 29 + 1 month, by the calendar
        Assert.Single(await RenewalArrange.RenewalsAsync(site));
        Assert.Single((await LoadAsync(site, key.Key)).Events, e => e.Kind == LicenseEventKind.Renewed);
    }

    [Fact]
    public async Task A_line_for_a_revoked_Lifetime_or_another_customers_key_changes_nothing_and_is_logged()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt);
        await CreateCustomerAsync(site, "other@example.com");
        await SavePlansAsync(site);
        var bought = await OrderAsync(site, "SO-2028-000001", BoughtAt, (SingleSitePlan, "Gallery Pro", 2), (UnlimitedLifetimePlan, "Theme Kit", 1));
        await PaidAsync(site, bought);
        var keys = await AllAsync(site);
        var revoked = keys[0];
        var lifetime = keys.Single(k => k.ExpiresOn is null);
        await site.InScopeAsync(sp => sp.GetRequiredService<LicenseRevoker>().RevokeAsync(revoked.Id, "Abuse", TestSite.AdminEmail, CancellationToken.None));
        var othersKey = await IssueAsync(site, expiresOn: new DateOnly(2028, 5, 1), email: "other@example.com");
        var others = await LoadAsync(site, othersKey);

        await PaidAsync(site, RenewalOrder(bought, "SO-2028-000002", BoughtAt, revoked, lifetime, others));

        Assert.Empty(await RenewalArrange.RenewalsAsync(site));
        Assert.Equal(new DateOnly(2029, 1, 31), (await LoadAsync(site, revoked.Key)).ExpiresOn);
        Assert.Null((await LoadAsync(site, lifetime.Key)).ExpiresOn);
        Assert.Equal(new DateOnly(2028, 5, 1), (await LoadAsync(site, othersKey)).ExpiresOn);
        Assert.Equal(3, site.Logs.Lines.Count(l => l.Contains("which can no longer be renewed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_refunded_renewal_leaves_a_key_the_admin_made_Lifetime_since_and_a_revoked_key_as_they_are()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt);
        await SavePlansAsync(site);
        var bought = await OrderAsync(site, "SO-2028-000001", BoughtAt, (SingleSitePlan, "Gallery Pro", 2));
        await PaidAsync(site, bought);
        var keys = await AllAsync(site);
        var renewal = RenewalOrder(bought, "SO-2028-000002", BoughtAt, keys[0], keys[1]);
        await PaidAsync(site, renewal);
        Assert.All(await AllAsync(site), k => Assert.Equal(new DateOnly(2030, 1, 31), k.ExpiresOn));
        await site.InScopeAsync(async sp =>
        {
            Assert.True((await sp.GetRequiredService<LicenseExpiry>().ChangeAsync(keys[0].Id, null, TestSite.AdminEmail, CancellationToken.None)).Succeeded);
            Assert.True((await sp.GetRequiredService<LicenseRevoker>().RevokeAsync(keys[1].Id, "Abuse", TestSite.AdminEmail, CancellationToken.None)).Succeeded);
        });

        await RefundedAsync(site, renewal);

        Assert.Null((await LoadAsync(site, keys[0].Key)).ExpiresOn);
        Assert.Equal(new DateOnly(2030, 1, 31), (await LoadAsync(site, keys[1].Key)).ExpiresOn);
        Assert.All(await RenewalArrange.RenewalsAsync(site), r => Assert.NotNull(r.RefundedAt));
        Assert.DoesNotContain((await LoadAsync(site, keys[0].Key)).Events, e => e.Detail.StartsWith("Renewal of order", StringComparison.Ordinal));
    }

    /// <summary>An order renewing each of <paramref name="keys"/> (one line each), by the customer of <paramref name="bought"/>.</summary>
    internal static OrderSnapshot RenewalOrder(OrderSnapshot bought, string number, DateTimeOffset paidAt, params License[] keys)
    {
        var lines = keys.Select((key, i) => new OrderLineSnapshot(
            LineNumber: i + 1,
            Kind: OrderLineKind.Renewal,
            ProductId: 100 + (key.PlanId ?? SingleSitePlan),
            ProductSlug: "product-" + (key.PlanId ?? SingleSitePlan),
            ProductName: key.ProductName,
            PlanId: key.PlanId ?? SingleSitePlan,
            PlanName: "Plan " + (key.PlanId ?? SingleSitePlan),
            Title: "Renewal: " + key.ProductName,
            Quantity: 1,
            UnitPrice: 29m,
            LicenseId: key.Id)).ToList();
        return new OrderSnapshot(number, bought.CustomerId, bought.CustomerEmail, "USD", lines.Sum(l => l.Amount), paidAt, lines);
    }

    private static Task<string?> ExpiryAsync(TestSite site, string key) => RenewalArrange.VerifiedExpiryAsync(site, key);
}
