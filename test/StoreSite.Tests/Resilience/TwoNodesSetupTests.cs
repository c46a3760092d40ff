using System.Net;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Resilience;

/// <summary>Two nodes racing to set up one empty PostgreSQL database.</summary>
public sealed class TwoNodesSetupTests
{
    [Fact]
    public async Task The_node_that_loses_the_setup_race_waits_for_the_winner_even_past_the_command_timeout()
    {
        // A two-second command timeout and a setup of 80 accounts (a password hash each): the loser's
        // claim of the site row waits on the winner's uncommitted setup for longer than a command may run.
        using var store = ProcessStore.Create(moreCustomers: 80);
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var connectionString = database.ConnectionString + ";Command Timeout=2";
        var starts = new[] { "node-a", "node-b" }.Select(node => ServerProcess.StartAsync(store.Environment(node, connectionString))).ToList();
        try
        {
            var nodes = await Task.WhenAll(starts);

            var rows = StoreRows.Postgres(database.ConnectionString);
            Assert.Equal(1, await rows.ScalarAsync("""SELECT COUNT(*) FROM "SiteSettings" WHERE "Section" = 'Site'"""));
            Assert.Equal(82, await rows.ScalarAsync("""SELECT COUNT(*) FROM "AspNetUsers" """));
            foreach (var node in nodes)
            {
                using var client = node.CreateClient();
                using var home = await client.GetAsync("/");
                Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            }
        }
        finally
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await (await start).DisposeAsync();
            }
        }
    }
}
