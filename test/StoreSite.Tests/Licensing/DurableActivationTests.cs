using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Data;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.DeactivateArrange;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>
/// Durable activations on SQLite: every connection the site opens fsyncs each COMMIT
/// (<c>synchronous=FULL</c>), and the Verify API's writes are group committed
/// (<see cref="SqliteGroupCommit"/>) without loosening the limits the database holds. The batches
/// are formed by holding the site's <see cref="SqliteWriteGate"/> turn while calls queue.
/// </summary>
public sealed class DurableActivationTests
{
    [Fact]
    public async Task A_connection_the_site_opens_on_sqlite_fsyncs_every_commit_synchronous_FULL()
    {
        await using var site = await LicensingSite.StartAsync();

        var synchronous = await site.InScopeAsync(async sp =>
        {
            var connection = await sp.GetRequiredService<SiteDatabase>().OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        });

        Assert.Equal(2, synchronous); // 0 OFF, 1 NORMAL, 2 FULL
    }

    [Fact]
    public async Task Twelve_new_environments_of_one_key_committed_in_one_batch_take_exactly_its_three_slots()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 3);
        var client = site.CreateClient();
        var writes = site.Services.GetRequiredService<SqliteGroupCommit>();

        List<Task<(int Status, string Code)>> calls;
        await using (var scope = site.Services.CreateAsyncScope())
        using (await site.Services.GetRequiredService<SqliteWriteGate>().EnterAsync(scope.ServiceProvider.GetRequiredService<SiteDatabase>(), CancellationToken.None))
        {
            calls = Enumerable.Range(1, 12).Select(i => CallAsync(client, key, $"site{i}.example.com", $"198.51.100.{i}")).ToList();
            await UntilAsync(() => writes.Waiting == 12);
        }

        var answers = await Task.WhenAll(calls);
        Assert.Equal(3, answers.Count(a => a.Status == 200));
        Assert.Equal(9, answers.Count(a => a is (403, "max_activations")));
        var license = await LoadAsync(site, key);
        Assert.Equal(3, license.ActivationsUsed);
        Assert.Equal(3, license.Activations.Count);
    }

    [Fact]
    public async Task A_deactivation_and_a_new_environment_in_one_batch_hand_the_freed_slot_on()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1);
        await SetAllowanceAsync(site, key, allowed: true, per30Days: 3);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "old.example.com", from: "198.51.100.1"));
        var writes = site.Services.GetRequiredService<SqliteGroupCommit>();
        var commits = writes.Commits;

        Task<HttpResponseMessage> deactivation, activation;
        await using (var scope = site.Services.CreateAsyncScope())
        using (await site.Services.GetRequiredService<SqliteWriteGate>().EnterAsync(scope.ServiceProvider.GetRequiredService<SiteDatabase>(), CancellationToken.None))
        {
            // Queued in this order: the activation's unit sees the slot the deactivation gave back.
            deactivation = DeactivateAsync(client, key, "old.example.com", from: "198.51.100.1");
            await UntilAsync(() => writes.Waiting == 1);
            activation = VerifyAsync(client, key, "new.example.com", from: "198.51.100.2");
            await UntilAsync(() => writes.Waiting == 2);
        }

        await AssertDeactivatedAsync(await deactivation);
        var body = await AssertValidAsync(await activation);
        Assert.Equal(1, body.GetProperty("activations").GetProperty("used").GetInt32());
        Assert.Equal(commits + 1, writes.Commits);
        var license = await LoadAsync(site, key);
        Assert.Equal(1, license.ActivationsUsed);
        Assert.Equal(["new.example.com"], license.Activations.Select(a => a.Domain));
    }

    private static async Task<(int Status, string Code)> CallAsync(HttpClient client, string key, string domain, string from)
    {
        using var response = await VerifyAsync(client, key, domain, from: from);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return ((int)response.StatusCode, body.TryGetProperty("code", out var code) ? code.GetString()! : "valid");
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; !condition(); i++)
        {
            Assert.True(i < 6000, "The calls did not queue within a minute.");
            await Task.Delay(10);
        }
    }
}
