using System.Text.Json;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.DeactivateArrange;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>The deactivation allowance is held by the database whatever the concurrency, on SQLite and PostgreSQL.</summary>
public sealed class DeactivationConcurrencyTests
{
    private const int Environments = 10;
    private const int Allowed = 3;

    [Fact]
    public async Task Ten_simultaneous_deactivations_with_three_allowed_remove_exactly_three_on_sqlite()
    {
        await using var site = await LicensingSite.StartAsync();
        await AssertExactlyAllowedRemovedAsync(site);
    }

    [Fact]
    public async Task Ten_simultaneous_deactivations_with_three_allowed_remove_exactly_three_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o => o.PostgresConnectionString = database.ConnectionString);
        await AssertExactlyAllowedRemovedAsync(site);
    }

    [Fact]
    public async Task Simultaneous_api_and_account_deactivations_share_the_allowance_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o => o.PostgresConnectionString = database.ConnectionString);
        var key = await ActivatedKeyAsync(site);
        var license = await LoadAsync(site, key);
        var client = site.CreateClient();
        using var start = new ManualResetEventSlim();

        var api = Enumerable.Range(0, Environments / 2).Select(i => Task.Run(async () =>
        {
            start.Wait();
            using var response = await DeactivateAsync(client, key, $"site{i}.example.com", from: "203.0.113.200");
            return (int)response.StatusCode == 200;
        }));
        var account = license.Activations.Where(a => !Enumerable.Range(0, Environments / 2).Any(i => a.Domain == $"site{i}.example.com")).Select(a => Task.Run(async () =>
        {
            start.Wait();
            var done = await site.InScopeAsync(sp => sp.GetRequiredService<LicenseDeactivator>().DeactivateForCustomerAsync(license.CustomerId, license.Id, a.Id, CancellationToken.None));
            return done.Succeeded;
        }));
        var all = api.Concat(account).ToList();
        start.Set();
        var answers = await Task.WhenAll(all);

        Assert.Equal(Allowed, answers.Count(a => a));
        await AssertRemainingAsync(site, key);
    }

    private static async Task AssertExactlyAllowedRemovedAsync(TestSite site)
    {
        var key = await ActivatedKeyAsync(site);
        var client = site.CreateClient();
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, Environments).Select(i => Task.Run(async () =>
        {
            start.Wait();
            using var response = await DeactivateAsync(client, key, $"site{i}.example.com", from: "203.0.113.200");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return (Status: (int)response.StatusCode, Code: body.TryGetProperty("code", out var code) ? code.GetString() : "deactivated");
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(calls);

        Assert.Equal(Allowed, answers.Count(a => a.Status == 200));
        Assert.Equal(Environments - Allowed, answers.Count(a => a.Status == 403 && a.Code == "deactivation_limit"));
        await AssertRemainingAsync(site, key);
    }

    private static async Task<string> ActivatedKeyAsync(TestSite site)
    {
        var key = await IssueAsync(site, maxActivations: Environments);
        var client = site.CreateClient();
        for (var i = 0; i < Environments; i++)
        {
            await AssertValidAsync(await VerifyAsync(client, key, $"site{i}.example.com", from: $"198.51.100.{i + 1}"));
        }

        return key;
    }

    private static async Task AssertRemainingAsync(TestSite site, string key)
    {
        var license = await LoadAsync(site, key);
        Assert.Equal(Environments - Allowed, license.Activations.Count);
        Assert.Equal(Environments - Allowed, license.ActivationsUsed);
        Assert.Equal(Allowed, license.Events.Count(e => e.Kind == LicenseEventKind.Deactivated));
    }
}
