using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using CP.Licensing.Data;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>The tallies' triggers (PL/pgSQL, an INSERT tallied per statement) and the near-limit index on PostgreSQL.</summary>
public sealed class PostgresLicenseCountsTests
{
    [Fact]
    public async Task Status_counts_stay_exact_after_every_kind_of_write_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o =>
        {
            o.PostgresConnectionString = database.ConnectionString;
            o.Now = LicenseCountsScenario.Noon;
        });
        await LicenseCountsScenario.RunAsync(site);
    }

    [Fact]
    public async Task The_near_limit_filter_can_read_the_partial_index_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o => o.PostgresConnectionString = database.ConnectionString);
        var keys = await LicensePages.ImportAsync(site, License(max: 1, activations: [("a.example", "10.0.0.1")]), License(max: 2, activations: [("a.example", "10.0.0.1")]));
        var admin = await site.AdminAsync();

        Assert.Equal([keys[0]], await LicensePages.KeysAsync(admin, "/admin/licenses?usage=near-limit"));
        // A table this small is read whole; with that ruled out the planner shows the index serves the query.
        var plan = await LicenseCountsTests.PlanAsync(site, "EXPLAIN ", before: "SET enable_seqscan = off");

        Assert.Contains(LicenseConfiguration.NearLimitIndex, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }
}
