using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using Microsoft.Extensions.DependencyInjection;
using StoreSite;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.DeactivateArrange;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>Self-service deactivation for the customer's Account -> Licenses page: the same allowance as the API.</summary>
public sealed class LicenseDeactivatorTests
{
    [Fact]
    public async Task Customer_deactivates_an_environment_of_their_key_within_the_allowance_shared_with_the_api()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 5);
        var client = site.CreateClient();
        for (var i = 1; i <= 4; i++)
        {
            await AssertValidAsync(await VerifyAsync(client, key, $"site{i}.example.com", from: $"198.51.100.{i}"));
        }

        await AssertDeactivatedAsync(await DeactivateAsync(client, key, "site1.example.com"));
        var license = await LoadAsync(site, key);
        var second = await DeactivateForCustomerAsync(site, license, license.Activations.Single(a => a.Domain == "site2.example.com").Id);
        var third = await DeactivateForCustomerAsync(site, license, license.Activations.Single(a => a.Domain == "site3.example.com").Id);
        var fourth = await DeactivateForCustomerAsync(site, license, license.Activations.Single(a => a.Domain == "site4.example.com").Id);

        Assert.True(second.Succeeded, second.Problem);
        Assert.Equal(new CP.Licensing.Lifecycle.Records.Deactivation("site2.example.com (198.51.100.2)", false, 2, 5), second.Value);
        Assert.True(third.Succeeded, third.Problem);
        Assert.Equal(LicenseProblems.DeactivationLimit, fourth.Problem);
        var after = await LoadAsync(site, key);
        Assert.Equal("site4.example.com", Assert.Single(after.Activations).Domain);
        Assert.Equal(1, after.ActivationsUsed);
        Assert.Equal(2, after.Events.Count(e => e.Kind == LicenseEventKind.Deactivated && e.Actor == LicenseDeactivator.CustomerActor));
    }

    [Fact]
    public async Task Customer_cannot_deactivate_another_customers_key_a_revoked_key_or_an_environment_gone()
    {
        await using var site = await LicensingSite.StartAsync();
        await CreateCustomerAsync(site, "other@example.com");
        var key = await IssueAsync(site, maxActivations: 5);
        var theirs = await IssueAsync(site, maxActivations: 5, email: "other@example.com");
        await AssertValidAsync(await VerifyAsync(site.CreateClient(), key, "shop.example.com", from: "198.51.100.1"));
        await AssertValidAsync(await VerifyAsync(site.CreateClient(), theirs, "shop.example.com", from: "198.51.100.1"));
        var license = await LoadAsync(site, key);
        var other = await LoadAsync(site, theirs);
        var environment = Assert.Single(license.Activations).Id;

        var notTheirs = await site.InScopeAsync(sp => sp.GetRequiredService<LicenseDeactivator>().DeactivateForCustomerAsync(license.CustomerId, other.Id, Assert.Single(other.Activations).Id, CancellationToken.None));
        var wrongEnvironment = await DeactivateForCustomerAsync(site, license, Assert.Single(other.Activations).Id);
        await site.InScopeAsync(sp => sp.GetRequiredService<LicenseRevoker>().RevokeAsync(license.Id, "Chargeback", TestSite.AdminEmail, CancellationToken.None));
        var revoked = await DeactivateForCustomerAsync(site, license, environment);

        Assert.Equal(LicenseProblems.NotFound, notTheirs.Problem);
        Assert.Equal(LicenseProblems.EnvironmentGone, wrongEnvironment.Problem);
        Assert.Equal(LicenseProblems.Revoked, revoked.Problem);
        Assert.Single((await LoadAsync(site, key)).Activations);
        Assert.Single((await LoadAsync(site, theirs)).Activations);
    }

    [Fact]
    public async Task Customer_removing_a_development_environment_is_free()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 5);
        await SetAllowanceAsync(site, key, allowed: false, per30Days: 3);
        await AddDevelopmentEnvironmentAsync(site, key, "shop.test", "127.0.0.1");
        var license = await LoadAsync(site, key);

        var done = await DeactivateForCustomerAsync(site, license, Assert.Single(license.Activations).Id);

        Assert.True(done.Succeeded, done.Problem);
        Assert.True(done.Value!.Development);
        var after = await LoadAsync(site, key);
        Assert.Empty(after.Activations);
        Assert.Equal(0, after.ActivationsUsed);
        Assert.Single(after.Events, e => e.Kind == LicenseEventKind.DevelopmentDeactivated);
    }

    private static Task<Outcome<CP.Licensing.Lifecycle.Records.Deactivation>> DeactivateForCustomerAsync(TestSite site, License license, int environmentId) =>
        site.InScopeAsync(sp => sp.GetRequiredService<LicenseDeactivator>().DeactivateForCustomerAsync(license.CustomerId, license.Id, environmentId, CancellationToken.None));
}
