using System.Text.Json;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>Max Activations is held by the database whatever the concurrency, on SQLite and PostgreSQL.</summary>
public sealed class ActivationConcurrencyTests
{
    private const int Keys = 4;
    private const int CallsPerKey = 40;
    private const int Max = 5;

    [Fact]
    public async Task Forty_simultaneous_new_environments_on_each_of_four_keys_take_exactly_five_slots_on_sqlite()
    {
        await using var site = await LicensingSite.StartAsync();
        await AssertExactlyMaxAcceptedAsync(site);
    }

    [Fact]
    public async Task Forty_simultaneous_new_environments_on_each_of_four_keys_take_exactly_five_slots_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o => o.PostgresConnectionString = database.ConnectionString);
        await AssertExactlyMaxAcceptedAsync(site);
    }

    [Fact]
    public async Task Simultaneous_calls_from_one_new_environment_take_one_slot_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o => o.PostgresConnectionString = database.ConnectionString);
        var key = await IssueAsync(site, maxActivations: 3);
        var client = site.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var response = await VerifyAsync(client, key, i % 2 == 0 ? "shop.example.com" : "www.shop.example.com", from: "198.51.100.9");
            return (int)response.StatusCode;
        }));

        Assert.All(answers, status => Assert.Equal(200, status));
        var license = await LoadAsync(site, key);
        Assert.Equal(1, license.ActivationsUsed);
        Assert.Single(license.Activations);
    }

    private static async Task AssertExactlyMaxAcceptedAsync(TestSite site)
    {
        var keys = new List<string>();
        for (var k = 0; k < Keys; k++)
        {
            keys.Add(await IssueAsync(site, maxActivations: Max));
        }

        var client = site.CreateClient();
        var calls = keys.SelectMany((key, k) => Enumerable.Range(0, CallsPerKey).Select(i => (Key: key, Domain: $"site{i}.key{k}.example.com", From: $"10.{k}.{i / 200}.{(i % 200) + 1}")));
        using var start = new ManualResetEventSlim();
        var answers = await Task.WhenAll(calls.Select(call => Task.Run(async () =>
        {
            start.Wait();
            using var response = await VerifyAsync(client, call.Key, call.Domain, from: call.From);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return (call.Key, Status: (int)response.StatusCode, Code: body.TryGetProperty("code", out var code) ? code.GetString() : "valid");
        })).Select(t => { start.Set(); return t; }));

        foreach (var key in keys)
        {
            var mine = answers.Where(a => a.Key == key).ToList();
            Assert.Equal(Max, mine.Count(a => a.Status == 200));
            Assert.Equal(CallsPerKey - Max, mine.Count(a => a.Status == 403 && a.Code == "max_activations"));
            var license = await LoadAsync(site, key);
            Assert.Equal(Max, license.ActivationsUsed);
            Assert.Equal(Max, license.Activations.Count);
        }
    }
}
