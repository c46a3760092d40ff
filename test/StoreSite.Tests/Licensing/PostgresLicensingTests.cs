using CP.Licensing.Keys;
using CP.Licensing.Settings;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.LicensingArrange;
using static StoreSite.Tests.Licensing.OrderArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>The same hand-written SQL on PostgreSQL: import, every Verify outcome, issuance and refund.</summary>
public sealed class PostgresLicensingTests
{
    [Fact]
    public async Task Imported_licenses_verify_with_every_outcome_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o =>
        {
            o.PostgresConnectionString = database.ConnectionString;
            o.Now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        });
        string active = SignedKey(), revoked = SignedKey(), expired = SignedKey(), full = SignedKey();
        await RunRecipeAsync(site, SettingsStep(), LicensesStep(
            License(active, expiry: "2026-06-01", max: 2, activations: [("shop.example.com", "198.51.100.1")]),
            License(revoked, status: "Revoked"),
            License(expired, expiry: "2026-05-31"),
            License(full, max: 1, activations: [("one.example.com", "198.51.100.5")])));
        var client = site.CreateClient();

        var known = await AssertValidAsync(await VerifyAsync(client, active, "www.shop.example.com", from: "203.0.113.1"));
        var added = await AssertValidAsync(await VerifyAsync(client, active, "blog.example.com", from: "203.0.113.2"));
        await AssertFailureAsync(await VerifyAsync(client, active, "third.example.com", from: "203.0.113.3"), 403, "Max activations exceeded.", "max_activations");
        await AssertFailureAsync(await VerifyAsync(client, revoked, "shop.example.com"), 403, "License has been revoked.", "revoked");
        await AssertFailureAsync(await VerifyAsync(client, expired, "shop.example.com"), 403, "License expired.", "expired");
        await AssertValidAsync(await VerifyAsync(client, full, "other.example.com", from: "198.51.100.5"));
        await AssertFailureAsync(await VerifyAsync(client, "CP-ABCDEF-123456-GHJKMN-PQRSTV-HTARZ4", "shop.example.com"), 404, "License not found.", "not_found");

        Assert.Equal("2026-06-01", known.GetProperty("expiry").GetString());
        Assert.Equal(1, known.GetProperty("activations").GetProperty("used").GetInt32());
        Assert.Equal(2, added.GetProperty("activations").GetProperty("used").GetInt32());
        var license = await LoadAsync(site, active);
        Assert.Equal(2, license.ActivationsUsed);
        Assert.Equal(2, license.Activations.Count);
    }

    [Fact]
    public async Task Paid_order_issues_keys_and_refund_revokes_them_on_postgres()
    {
        var paidAt = new DateTimeOffset(2028, 1, 31, 10, 0, 0, TimeSpan.Zero);
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o =>
        {
            o.PostgresConnectionString = database.ConnectionString;
            o.Now = paidAt;
        });
        await SavePlansAsync(site);
        var order = await OrderAsync(site, "SO-2028-000100", paidAt, (FiveSitesMonthlyPlan, "Forms Plus", 2));

        await PaidAsync(site, order);
        await PaidAsync(site, order);
        var issued = await AllAsync(site);
        await RefundedAsync(site, order);

        Assert.Equal(2, issued.Count);
        Assert.All(issued, l => Assert.Equal(new DateOnly(2028, 2, 29), l.ExpiresOn));
        Assert.All(await AllAsync(site), l => Assert.Equal("Order SO-2028-000100 refunded", l.RevocationReason));
        await AssertFailureAsync(await VerifyAsync(site.CreateClient(), issued[0].Key, "shop.example.com"), 403, "License has been revoked.", "revoked");
        var settings = await site.InScopeAsync(sp => sp.GetRequiredService<LicensingSettingsStore>().GetAsync(CancellationToken.None));
        Assert.True(LicenseKeys.IsValid(issued[0].Key, settings.KeyPrefix, LicensingSettingsStore.DecodeSecret(settings.SigningSecret)));
    }
}
