using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Data;

namespace StoreSite.Tests.Host;

public sealed class DatabaseTests
{
    private static async Task ChangeSiteNameAsync(TestSite site, string name)
    {
        var admin = await site.AdminAsync();
        using var saved = await admin.SubmitFormAsync("/admin/settings", "form[action='/admin/settings']", new Dictionary<string, string> { ["SiteName"] = name });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static async Task<string> SiteNameAsync(TestSite site) =>
        (await (await site.AdminAsync()).GetDocumentAsync("/admin/settings")).QuerySelector("input[name='SiteName']")!.GetAttribute("value")!;

    private static Task<int> UserCountAsync(TestSite site) =>
        site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<UserManager<StoreUser>>().Users.Count()));

    private static void AssertAllMigrated(Dictionary<string, (int Applied, int Pending)> state)
    {
        Assert.Contains(nameof(StoreSiteDbContext), state.Keys);
        Assert.All(state, entry => Assert.True(entry.Value.Pending == 0, $"{entry.Key} has {entry.Value.Pending} pending migrations"));
        Assert.True(state[nameof(StoreSiteDbContext)].Applied > 0);
    }

    [Fact]
    public async Task Sqlite_site_is_migrated_in_wal_mode_and_keeps_a_saved_setting_across_a_restart()
    {
        var appData = Path.Combine(Path.GetTempPath(), "storesite-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = TestSite.Start(o => o.AppData = appData))
            {
                AssertAllMigrated(await first.MigrationStateAsync());
                await ChangeSiteNameAsync(first, "Kept On SQLite");
            }

            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(appData, "store.db")}"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode;";
                Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
            }

            await using var second = TestSite.Start(o => o.AppData = appData);
            Assert.Equal("Kept On SQLite", await SiteNameAsync(second));
            Assert.Equal(1, await UserCountAsync(second));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(appData, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_site_is_migrated_and_keeps_a_saved_setting_across_a_restart()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using (var first = TestSite.Start(o => o.PostgresConnectionString = database.ConnectionString))
        {
            AssertAllMigrated(await first.MigrationStateAsync());
            await ChangeSiteNameAsync(first, "Kept On PostgreSQL");
            Assert.False(File.Exists(Path.Combine(first.AppData, "store.db")));
        }

        await using var second = TestSite.Start(o =>
        {
            o.PostgresConnectionString = database.ConnectionString;
            o.Settings["StoreSite:AutoSetup:AdminEmail"] = "someone.else@example.com";
        });
        Assert.Equal("Kept On PostgreSQL", await SiteNameAsync(second));
        Assert.Equal(1, await UserCountAsync(second));
    }

    [Fact]
    public async Task Two_nodes_starting_together_on_one_empty_postgres_database_set_it_up_once()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();

        var starts = await Task.WhenAll(
            Task.Run(() => TestSite.Start(o => o.PostgresConnectionString = database.ConnectionString)),
            Task.Run(() => TestSite.Start(o => o.PostgresConnectionString = database.ConnectionString)));
        await using var first = starts[0];
        await using var second = starts[1];

        Assert.Equal(1, await UserCountAsync(first));
        Assert.Equal(1, await UserCountAsync(second));
        await first.AdminAsync();
        await second.AdminAsync();
        await second.RegisterCustomerAsync("seen.by.both@example.com");
        Assert.Equal(2, await UserCountAsync(first));
        AssertAllMigrated(await first.MigrationStateAsync());
    }

    [Fact]
    public async Task Users_search_paging_and_lock_work_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = TestSite.Start(o => o.PostgresConnectionString = database.ConnectionString);
        await site.CreateUsersAsync(["Mixed.Case@Shop.Example", "other@example.com", "third%_@example.com"], "Customer");
        var admin = await site.AdminAsync();

        var found = await admin.GetDocumentAsync("/admin/users?q=shop.EXAMPLE");
        var wildcard = await admin.GetDocumentAsync("/admin/users?q=%25_");
        Assert.Equal(["Mixed.Case@Shop.Example"], found.QuerySelectorAll("table.users tbody tr").Select(r => r.GetAttribute("data-user")));
        Assert.Equal(["third%_@example.com"], wildcard.QuerySelectorAll("table.users tbody tr").Select(r => r.GetAttribute("data-user")));

        var id = await site.IdOfAsync("other@example.com");
        using var locked = await admin.SubmitFormAsync($"/admin/users/{id}", "form.lock-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var page = await admin.GetDocumentAsync($"/admin/users/{id}");
        Assert.Equal("Locked", page.QuerySelector(".details .badge")?.TextContent.Trim());
        using var signIn = await site.CreateClient().SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = "other@example.com",
            ["Password"] = TestSite.CustomerPassword,
        });
        Assert.Contains("This account is locked.", await Html.MessagesAsync(signIn), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_sqlite_connection_enforces_foreign_keys_with_synchronous_normal_also_when_reused_from_the_pool()
    {
        await using var site = TestSite.Start(o => o.Recipe = "empty");
        var connections = site.Services.GetRequiredService<StoreSite.Data.SiteConnection>();
        for (var open = 0; open < 3; open++)
        {
            await using var connection = connections.CreateConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys;";
            Assert.Equal(1L, await command.ExecuteScalarAsync());
            command.CommandText = "PRAGMA synchronous;";
            Assert.Equal(1L, await command.ExecuteScalarAsync()); // NORMAL
        }

        // A foreign key violation is refused on a reused connection too.
        await using var reused = connections.CreateConnection();
        await reused.OpenAsync();
        await using var insert = reused.CreateCommand();
        insert.CommandText = "INSERT INTO \"AspNetUserRoles\" (\"UserId\", \"RoleId\") VALUES ('no-such-user', 'no-such-role');";
        var refused = Assert.Throws<SqliteException>(() => insert.ExecuteNonQuery());
        Assert.Equal(19, refused.SqliteErrorCode); // SQLITE_CONSTRAINT (foreign key)
    }
}
