using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Resilience;

/// <summary>
/// Two StoreSite.Web processes on their own 127.0.0.1 ports and App_Data folders, sharing one new
/// PostgreSQL database (and, when the S3 server runs, one bucket), started at the same moment with the same auto-setup. The tests of
/// <see cref="TwoNodesTests"/> share the two nodes (starting them is the slow part) but not data:
/// each uses its own keys, orders and sign-ins.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    /// <summary>Four imported keys with Max Activations 5, for the load.</summary>
    public const int LoadKeys = 4;

    public const int LoadMax = 5;

    private PostgresDatabase? _database;

    /// <summary>The load's keys, then one unlimited key for the admin's Revoke.</summary>
    internal ProcessStore Store { get; } = ProcessStore.Create([.. Enumerable.Repeat(LoadMax, LoadKeys), 0]);

    internal IReadOnlyList<string> LoadKeyList => Store.Licenses.Take(LoadKeys).Select(l => l.Key).ToList();

    internal string RevokeKey => Store.Licenses[LoadKeys].Key;

    public ServerProcess A { get; private set; } = null!;

    public ServerProcess B { get; private set; } = null!;

    internal StoreRows Rows { get; private set; } = null!;

    /// <summary>The S3 bucket both nodes keep their files in, when the S3 server runs; otherwise each node keeps its own.</summary>
    internal StoreSite.Files.FilesOptions? Files { get; private set; }

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        Rows = StoreRows.Postgres(_database.ConnectionString);
        Files = S3Server.ServiceUrl is not null && S3Server.DataFolder is not null ? await S3Server.CreateBucketAsync() : null;
        var a = ServerProcess.StartAsync(Store.Environment("node-a", _database.ConnectionString, Files));
        var b = ServerProcess.StartAsync(Store.Environment("node-b", _database.ConnectionString, Files));
        try
        {
            await Task.WhenAll(a, b);
        }
        finally
        {
            A = a.IsCompletedSuccessfully ? a.Result : null!;
            B = b.IsCompletedSuccessfully ? b.Result : null!;
        }

        // A load balancer sends the first visitors to both nodes at once: each may need the first
        // data-protection key (antiforgery tokens) at the same moment.
        await Task.WhenAll(FirstVisitAsync(A), FirstVisitAsync(B));
    }

    private static async Task FirstVisitAsync(ServerProcess node)
    {
        using var client = node.CreateClient();
        using var page = await client.GetAsync("/account/login");
        page.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Store.Dispose();
    }
}
