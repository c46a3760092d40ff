using System.Globalization;
using Microsoft.Data.Sqlite;
using StoreSite.Data;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host;

/// <summary>
/// <see cref="SqliteGroupCommit"/> on a small table of its own: a key with Used and Max and its rows
/// (a unique name, a foreign key), so that each behaviour of a batch can be arranged exactly. The
/// batches are formed by holding the <see cref="SqliteWriteGate"/> turn while units queue.
/// </summary>
public sealed class SqliteGroupCommitTests
{
    [Fact]
    public async Task Units_queued_together_share_one_commit_and_two_activations_of_one_key_in_it_still_respect_Max()
    {
        await using var store = await GroupCommitStore.CreateAsync(max: 3);

        var answers = await store.QueuedTogetherAsync(Enumerable.Range(0, 10).Select(i => Activation($"site{i}")).ToArray());

        Assert.Equal(1, store.Writes.Commits);
        Assert.Equal(3, answers.Count(a => a.Result is true));
        Assert.Equal(7, answers.Count(a => a.Result is false));
        Assert.Equal([true, true, true], answers.Take(3).Select(a => a.Result)); // the first three of the batch took the slots
        Assert.Equal((3, 3), await store.UsedAndRowsAsync());
    }

    [Fact]
    public async Task Two_hundred_concurrent_activations_never_pass_Max_and_Used_equals_the_rows()
    {
        await using var store = await GroupCommitStore.CreateAsync(max: 50);
        using var start = new ManualResetEventSlim();

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
        {
            start.Wait();
            return store.Writes.RunAsync(store.Database(), Activation($"site{i}"), CancellationToken.None);
        })).Select(t => { start.Set(); return t; }));

        Assert.Equal(50, answers.Count(a => a));
        Assert.Equal((50, 50), await store.UsedAndRowsAsync());
        Assert.InRange(store.Writes.Commits, 1, 200);
    }

    [Fact]
    public async Task A_unit_that_refuses_throws_or_breaks_the_unique_index_is_rolled_back_alone_and_gets_its_own_answer()
    {
        await using var store = await GroupCommitStore.CreateAsync(max: 10);

        var answers = await store.QueuedTogetherAsync(
            Activation("first"),
            Activation("first"), // the unique index refuses the second row of that name
            async (unit, ct) =>
            {
                await Activation("thrown")(unit, ct);
                throw new InvalidOperationException("The unit failed after writing.");
            },
            async (unit, ct) =>
            {
                await Activation("refused")(unit, ct);
                return WriteResult.RollBack(false);
            },
            Activation("last"));

        Assert.Equal(1, store.Writes.Commits);
        Assert.True(answers[0].Result);
        var unique = Assert.IsType<SqliteException>(answers[1].Error);
        Assert.Equal(19, unique.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal("The unit failed after writing.", Assert.IsType<InvalidOperationException>(answers[2].Error).Message);
        Assert.False(answers[3].Result);
        Assert.True(answers[4].Result);
        Assert.Equal(["first", "last"], await store.NamesAsync());
        Assert.Equal((2, 2), await store.UsedAndRowsAsync());
    }

    [Fact]
    public async Task A_caller_is_answered_only_after_the_commit_of_its_batch()
    {
        await using var store = await GroupCommitStore.CreateAsync(max: 0);

        var checks = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            long commitsWhileRunning = -1;
            var name = $"site{i}";
            await store.Writes.RunAsync(store.Database(), async (unit, ct) =>
            {
                commitsWhileRunning = store.Writes.Commits;
                return await Activation(name)(unit, ct);
            }, CancellationToken.None);

            // At the answer: the batch's COMMIT has been counted, and another connection reads the row.
            return (Committed: store.Writes.Commits > commitsWhileRunning, Visible: (await store.NamesAsync()).Contains(name));
        })));

        Assert.All(checks, c => Assert.True(c.Committed, "A caller was answered before its batch committed."));
        Assert.All(checks, c => Assert.True(c.Visible, "A caller was answered before its row could be read."));
        Assert.Equal((40, 40), await store.UsedAndRowsAsync());
    }

    [Fact]
    public async Task A_failed_commit_fails_every_unit_of_its_batch_and_writes_none_of_them()
    {
        await using var store = await GroupCommitStore.CreateAsync(max: 10);

        // A row of a key that does not exist, its foreign key checked only at the COMMIT.
        var answers = await store.QueuedTogetherAsync(
            Activation("before"),
            async (unit, ct) =>
            {
                await using var orphan = unit.CreateCommand("""PRAGMA defer_foreign_keys = ON; INSERT INTO "Rows" ("KeyId", "Name") VALUES (99, 'orphan')""");
                await orphan.ExecuteNonQueryAsync(ct);
                return WriteResult.Keep(true);
            },
            Activation("after"));

        Assert.All(answers, a => Assert.Equal(787, Assert.IsType<SqliteException>(a.Error).SqliteExtendedErrorCode)); // SQLITE_CONSTRAINT_FOREIGNKEY
        Assert.Equal(0, store.Writes.Commits);
        Assert.Empty(await store.NamesAsync());
        Assert.Equal((0, 0), await store.UsedAndRowsAsync());

        // The writer goes on with the next batch.
        Assert.True(await store.Writes.RunAsync(store.Database(), Activation("next"), CancellationToken.None));
        Assert.Equal(["next"], await store.NamesAsync());
        Assert.Equal(1, store.Writes.Commits);
    }

    [Fact]
    public async Task A_caller_cancelled_before_its_unit_starts_is_dropped_and_its_unit_never_runs()
    {
        await using var store = await GroupCommitStore.CreateAsync(max: 10);
        var ran = false;
        using var cancel = new CancellationTokenSource();
        Task<bool> dropped, kept;
        using (await store.Gate.EnterAsync(store.Database(), CancellationToken.None))
        {
            dropped = store.Writes.RunAsync(store.Database(), async (unit, ct) =>
            {
                ran = true;
                return await Activation("dropped")(unit, ct);
            }, cancel.Token);
            kept = store.Writes.RunAsync(store.Database(), Activation("kept"), CancellationToken.None);
            await GroupCommitStore.UntilAsync(() => store.Writes.Waiting == 2);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dropped);
        }

        Assert.True(await kept);
        Assert.False(ran);
        Assert.Equal(["kept"], await store.NamesAsync());
    }

    [Fact]
    public async Task Inside_a_transaction_of_the_callers_scope_a_unit_joins_it_without_waiting_for_the_writer()
    {
        await using var store = await GroupCommitStore.CreateAsync(max: 10);
        await using var database = store.Database();
        using (await store.Gate.EnterAsync(database, CancellationToken.None))
        {
            await using (var transaction = await database.BeginTransactionAsync())
            {
                Assert.True(await store.Writes.RunAsync(database, Activation("joined"), CancellationToken.None));
                Assert.Equal(0, store.Writes.Commits);
                await transaction.CommitAsync();
            }
        }

        Assert.Equal(["joined"], await store.NamesAsync());
    }

    [Fact]
    public async Task The_writers_connection_is_in_WAL_mode_with_synchronous_FULL()
    {
        await using var store = await GroupCommitStore.CreateAsync(max: 1);

        var pragmas = await store.Writes.ExecuteAsync(store.Database(), async (unit, ct) =>
        {
            await using var synchronous = unit.CreateCommand("PRAGMA synchronous");
            await using var journal = unit.CreateCommand("PRAGMA journal_mode");
            return (Convert.ToInt64(await synchronous.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture), (string?)await journal.ExecuteScalarAsync(ct));
        }, CancellationToken.None);

        Assert.Equal((2L, "wal"), pragmas); // 2 = FULL
    }

    [Fact]
    public async Task On_PostgreSQL_a_unit_runs_at_once_on_the_callers_connection_without_the_writer()
    {
        await using var pg = await PostgresServer.CreateDatabaseAsync();
        await using var store = await GroupCommitStore.CreateAsync(max: 1, new DatabaseConnectionInfo(DatabaseProvider.Postgres, pg.ConnectionString));
        await using var database = store.Database();

        // The gate and the writer are SQLite's: a PostgreSQL unit neither waits for them nor counts a batch.
        using (await store.Gate.EnterAsync(CancellationToken.None))
        {
            Assert.True(await store.Writes.RunAsync(database, Activation("one"), CancellationToken.None));
            Assert.False(await store.Writes.RunAsync(database, Activation("two"), CancellationToken.None));
        }

        Assert.Equal(0, store.Writes.Commits);
        Assert.Equal(["one"], await store.NamesAsync());
        Assert.Equal((1, 1), await store.UsedAndRowsAsync());
    }

    /// <summary>Takes a slot of key 1 (a conditional UPDATE) and adds the row <paramref name="name"/>; false when no slot is free.</summary>
    private static Func<WriteUnit, CancellationToken, Task<WriteResult<bool>>> Activation(string name) => async (unit, ct) =>
    {
        await using (var take = unit.CreateCommand("""UPDATE "Keys" SET "Used" = "Used" + 1 WHERE "Id" = 1 AND ("Max" = 0 OR "Used" < "Max") RETURNING "Used" """))
        {
            if (await take.ExecuteScalarAsync(ct) is null or DBNull)
            {
                return WriteResult.RollBack(false);
            }
        }

        await using var add = unit.CreateCommand("""INSERT INTO "Rows" ("KeyId", "Name") VALUES (1, @name)""");
        add.AddParameter("@name", name);
        await add.ExecuteNonQueryAsync(ct);
        return WriteResult.Keep(true);
    };

    private sealed record Answer(bool? Result, Exception? Error);

    /// <summary>A database (a temporary SQLite file, or a given one) with key 1 and no rows, and a group commit over it.</summary>
    private sealed class GroupCommitStore : IAsyncDisposable
    {
        private readonly string? _folder;

        private GroupCommitStore(SiteConnection site, string? folder)
        {
            Site = site;
            _folder = folder;
            Gate = new SqliteWriteGate();
            Writes = new SqliteGroupCommit(site, Gate);
        }

        public SiteConnection Site { get; }

        public SqliteWriteGate Gate { get; }

        public SqliteGroupCommit Writes { get; }

        public static async Task<GroupCommitStore> CreateAsync(int max, DatabaseConnectionInfo? database = null)
        {
            string? folder = null;
            if (database is null)
            {
                folder = Path.Combine(Path.GetTempPath(), "storesite-tests", "group-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(folder);
                database = new DatabaseConnectionInfo(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "store.db")}");
            }

            var site = new SiteConnection();
            site.Use(database);
            var store = new GroupCommitStore(site, folder);
            var id = database.Provider == DatabaseProvider.Sqlite ? "INTEGER PRIMARY KEY" : "integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
            await store.ExecuteAsync($"""
                {(database.Provider == DatabaseProvider.Sqlite ? "PRAGMA journal_mode=WAL;" : string.Empty)}
                CREATE TABLE "Keys" ("Id" integer PRIMARY KEY, "Max" integer NOT NULL, "Used" integer NOT NULL);
                CREATE TABLE "Rows" ("Id" {id}, "KeyId" integer NOT NULL REFERENCES "Keys" ("Id"), "Name" text NOT NULL UNIQUE);
                INSERT INTO "Keys" ("Id", "Max", "Used") VALUES (1, {max}, 0);
                """);
            return store;
        }

        /// <summary>A scope's database (what a caller of the group commit has).</summary>
        public SiteDatabase Database() => new(Site);

        /// <summary>Queues the units while the gate is held, so that the writer takes them as one batch; the answers in order.</summary>
        public async Task<Answer[]> QueuedTogetherAsync(params Func<WriteUnit, CancellationToken, Task<WriteResult<bool>>>[] units)
        {
            var database = Database();
            List<Task<bool>> calls;
            using (await Gate.EnterAsync(database, CancellationToken.None))
            {
                calls = units.Select(unit => Writes.RunAsync(Database(), unit, CancellationToken.None)).ToList();
                await UntilAsync(() => Writes.Waiting == units.Length);
            }

            var answers = new List<Answer>();
            foreach (var call in calls)
            {
                try
                {
                    answers.Add(new Answer(await call, null));
                }
                catch (Exception ex)
                {
                    answers.Add(new Answer(null, ex));
                }
            }

            return [.. answers];
        }

        /// <summary>Waits (bounded) until <paramref name="condition"/> holds.</summary>
        public static async Task UntilAsync(Func<bool> condition)
        {
            for (var i = 0; !condition(); i++)
            {
                Assert.True(i < 6000, "The condition did not hold within a minute.");
                await Task.Delay(10);
            }
        }

        public async Task<(int Used, int Rows)> UsedAndRowsAsync()
        {
            await using var connection = Site.CreateConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "Used", (SELECT COUNT(*) FROM "Rows") FROM "Keys" WHERE "Id" = 1""";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return (Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture));
        }

        public async Task<List<string>> NamesAsync()
        {
            await using var connection = Site.CreateConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "Name" FROM "Rows" ORDER BY "Id" """;
            await using var reader = await command.ExecuteReaderAsync();
            var names = new List<string>();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }

        public async ValueTask DisposeAsync()
        {
            await Writes.DisposeAsync();
            Gate.Dispose();
            await Site.DisposeAsync();
            SqliteConnection.ClearAllPools();
            if (_folder is not null)
            {
                try
                {
                    Directory.Delete(_folder, recursive: true);
                }
                catch (IOException)
                {
                    // A file still held open; the temporary folder is cleaned by the OS.
                }
            }
        }

        private async Task ExecuteAsync(string sql)
        {
            await using var connection = Site.CreateConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
