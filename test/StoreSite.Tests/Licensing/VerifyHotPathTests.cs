using System.Data;
using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using CP.Licensing.Api;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Data;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Licensing;

public sealed class VerifyHotPathTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Tampered_key_is_rejected_without_touching_the_database(bool postgres)
    {
        await using var pg = postgres ? await PostgresServer.CreateDatabaseAsync() : null;
        var opened = 0;
        await using var site = await LicensingSite.StartAsync(o =>
        {
            o.PostgresConnectionString = pg?.ConnectionString;
            o.Services = services =>
            {
                services.AddHttpContextAccessor();
                services.AddScoped(sp =>
                {
                    var database = new SiteDatabase(sp.GetRequiredService<SiteConnection>());
                    if (sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request.Path == VerifyUrl)
                    {
                        database.Connection.StateChange += (_, e) =>
                        {
                            if (e.CurrentState == ConnectionState.Open)
                            {
                                Interlocked.Increment(ref opened);
                            }
                        };
                    }

                    return database;
                });
            };
        });
        var key = await IssueAsync(site, maxActivations: 1);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com")); // the settings are now held in memory
        var statements = site.Services.GetRequiredService<SqliteStatementCache>();
        Volatile.Write(ref opened, 0);
        var preparedBefore = statements.Rented;

        var tampered = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');
        var otherBody = key[..3] + (key[3] == 'A' ? 'B' : 'A') + key[4..];
        foreach (var bad in new[] { tampered, otherBody, "garbage", "XX" + key[2..] })
        {
            using var response = await VerifyAsync(client, bad, "shop.example.com");
            await AssertFailureAsync(response, 403, "Invalid license format.", "invalid_format");
        }

        var reachedForTampered = Volatile.Read(ref opened) + (statements.Rented - preparedBefore);
        using var wellFormed = await VerifyAsync(client, "CP-ABCDEF-123456-GHJKMN-PQRSTV-" + LicenseKeys.Sign("CP-ABCDEF-123456-GHJKMN-PQRSTV", await SecretAsync(site)), "shop.example.com");
        await AssertFailureAsync(wellFormed, 404, "License not found.", "not_found");

        // Every way the hot path reaches the database is counted: the scope's connection and the
        // statements SQLite keeps prepared. A well-formed key is seen by the probe; tampered ones are not.
        Assert.Equal(0, reachedForTampered);
        Assert.True(Volatile.Read(ref opened) + (statements.Rented - preparedBefore) > 0, "The probe saw nothing for a well-formed key: it proves nothing.");
    }

    [Fact]
    public async Task A_Verify_call_builds_no_DbContext_unless_it_is_refused_at_the_limit()
    {
        // A DbContext costs the hot path a third of its throughput just to be constructed (its options
        // are built per scope): Verify uses hand-written SQL on the scope's connection and must not let
        // one in through a constructor. Every module DbContext the site registers is counted per path.
        var built = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var wrapped = 0;
        await using var site = await LicensingSite.StartAsync(o => o.Services = services =>
        {
            services.AddHttpContextAccessor();
            foreach (var descriptor in services.Where(d => typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(d.ServiceType) && d.ImplementationFactory is not null).ToList())
            {
                services.Remove(descriptor);
                services.Add(new ServiceDescriptor(descriptor.ServiceType, sp =>
                {
                    var path = sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request.Path.Value ?? "(none)";
                    built.AddOrUpdate(path, 1, (_, n) => n + 1);
                    return descriptor.ImplementationFactory!(sp);
                }, descriptor.Lifetime));
                wrapped++;
            }
        });
        var key = await IssueAsync(site, maxActivations: 1);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com")); // settings now held in memory
        built.Clear();

        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com")); // a known environment
        await AssertFailureAsync(await VerifyAsync(client, key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), "shop.example.com"), 403, "Invalid license format.", "invalid_format");
        var key2 = await IssueAsync(site, maxActivations: 2);
        built.Clear();
        await AssertValidAsync(await VerifyAsync(client, key2, "new.example.com")); // a new environment
        Assert.Equal(0, built.GetValueOrDefault(VerifyUrl));

        // The probe sees what it should: a refusal at the limit records a notice through the settings store.
        await AssertFailureAsync(await VerifyAsync(client, key, "other.example.com", from: "198.51.100.9"), 403, VerifyContract.MaxActivationsReason, "max_activations");
        Assert.True(wrapped > 2, "No module DbContext was wrapped: the probe proves nothing.");
        Assert.True(built.GetValueOrDefault(VerifyUrl) > 0, "A refused call at the limit built no DbContext: the probe proves nothing.");
    }

    [Fact]
    public async Task Answers_are_counted_by_code_and_timed_on_the_CP_Licensing_meter()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1);
        var factory = site.Services.GetRequiredService<IMeterFactory>();
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var timings = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LicensingMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "code")
                {
                    counts.AddOrUpdate((string)tag.Value!, value, (_, v) => v + value);
                }
            }
        });
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref timings));
        listener.Start();
        var client = site.CreateClient();

        await VerifyAsync(client, key, "one.example.com", from: "198.51.100.1");
        await VerifyAsync(client, key, "two.example.com", from: "198.51.100.2");
        await VerifyAsync(client, "garbage", "one.example.com");
        await PostAsync(client, "[]");

        Assert.Equal(1, counts.GetValueOrDefault("valid"));
        Assert.Equal(1, counts.GetValueOrDefault("max_activations"));
        Assert.Equal(1, counts.GetValueOrDefault("invalid_format"));
        Assert.Equal(1, counts.GetValueOrDefault("bad_request"));
        Assert.Equal(4, Volatile.Read(ref timings));
    }

    [Fact]
    public async Task Deactivate_answers_are_counted_by_code_and_timed_on_their_own_instruments()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 3);
        var factory = site.Services.GetRequiredService<IMeterFactory>();
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var timings = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LicensingMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name.StartsWith("cp.licensing.deactivate.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "code")
                {
                    counts.AddOrUpdate((string)tag.Value!, value, (_, v) => v + value);
                }
            }
        });
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref timings));
        listener.Start();
        var client = site.CreateClient();
        await VerifyAsync(client, key, "one.example.com", from: "198.51.100.1");

        await DeactivateArrange.DeactivateAsync(client, key, "one.example.com");
        await DeactivateArrange.DeactivateAsync(client, key, "one.example.com");
        await DeactivateArrange.DeactivateAsync(client, "garbage", "one.example.com");

        Assert.Equal(1, counts.GetValueOrDefault("deactivated"));
        Assert.Equal(1, counts.GetValueOrDefault("not_activated"));
        Assert.Equal(1, counts.GetValueOrDefault("invalid_format"));
        Assert.Equal(0, counts.GetValueOrDefault("valid"));
        Assert.Equal(3, Volatile.Read(ref timings));
    }

    [Fact]
    public async Task OpenApi_description_of_the_verify_endpoint_is_served()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        using var response = await site.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        var paths = document.RootElement.GetProperty("paths");
        Assert.Equal(["/api/v1/licenses/deactivate", "/api/v1/licenses/signing-key", "/api/v1/licenses/updates", "/api/v1/licenses/verify"], paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var post = paths.GetProperty("/api/v1/licenses/verify").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        foreach (var status in new[] { "200", "400", "403", "404", "413", "415", "422", "429" })
        {
            Assert.True(post.GetProperty("responses").TryGetProperty(status, out _), $"No {status} answer described.");
        }

        Assert.Contains("license_key", text, StringComparison.Ordinal);
        Assert.Contains("max_activations", text, StringComparison.Ordinal);
        var deactivate = paths.GetProperty("/api/v1/licenses/deactivate").GetProperty("post");
        Assert.True(deactivate.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        foreach (var status in new[] { "200", "400", "403", "404", "413", "415", "422", "429" })
        {
            Assert.True(deactivate.GetProperty("responses").TryGetProperty(status, out _), $"No deactivate {status} answer described.");
        }

        Assert.Contains("deactivation_limit", text, StringComparison.Ordinal);
        Assert.Contains("not_activated", text, StringComparison.Ordinal);
        Assert.Contains("\"deactivated\"", text, StringComparison.Ordinal);
        Assert.True(paths.GetProperty("/api/v1/licenses/signing-key").GetProperty("get").GetProperty("responses").TryGetProperty("200", out _));
        Assert.Contains("public_key", text, StringComparison.Ordinal);
        var updates = paths.GetProperty("/api/v1/licenses/updates").GetProperty("post");
        Assert.True(updates.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        foreach (var status in new[] { "200", "400", "403", "404", "413", "415", "422", "429" })
        {
            Assert.True(updates.GetProperty("responses").TryGetProperty(status, out _), $"No update check {status} answer described.");
        }

        foreach (var field in new[] { "\"version\"", "\"update\"", "\"download_url\"", "\"released_at\"", "\"sha256\"", "\"size\"", "\"notes\"" })
        {
            Assert.Contains(field, text, StringComparison.Ordinal);
        }

        // API v2: the optional request fields, the answer's new fields and codes.
        foreach (var v2 in new[] { "\"nonce\"", "\"product\"", "\"checked_at\"", "\"development\"", "product_mismatch", "suspended", "X-License-Signature" })
        {
            Assert.Contains(v2, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Verify_rate_limit_below_one_fails_the_start_naming_the_setting()
    {
        var failure = Record.Exception(() => TestSite.Start(o =>
        {
            o.Recipe = null;
            o.Settings["StoreSite:Licensing:Verify:PermitPerMinute"] = "0";
        }));

        Assert.NotNull(failure);
        Assert.Contains("StoreSite:Licensing:Verify:PermitPerMinute", failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task<byte[]> SecretAsync(Infrastructure.TestSite site) =>
        LicensingSettingsStore.DecodeSecret((await site.InScopeAsync(sp => sp.GetRequiredService<LicensingSettingsStore>().GetAsync(CancellationToken.None))).SigningSecret)!;

    [Fact]
    public async Task Verify_never_authenticates_a_cookie_sent_along_while_pages_do()
    {
        var authenticated = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var site = await LicensingSite.StartAsync(o => o.Services = services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<IClaimsTransformation>(sp => new RecordingClaimsTransformation(sp.GetRequiredService<IHttpContextAccessor>(), authenticated));
        });
        var key = await IssueAsync(site, maxActivations: 1);
        var admin = await site.AdminAsync();

        using (var page = await admin.GetAsync(new Uri("/admin", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        Assert.Contains("/admin", authenticated);
        authenticated.Clear();
        await AssertValidAsync(await VerifyAsync(admin, key, "shop.example.com"));
        Assert.DoesNotContain(VerifyUrl, authenticated);
    }

    [Fact]
    public async Task Kept_statements_read_the_sqlite_file_through_a_memory_map_and_give_their_connections_back_unmapped()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var cache = site.Services.GetRequiredService<SqliteStatementCache>();
        var leases = Enumerable.Range(0, SqliteStatementCache.MaxIdle + 2).Select(_ => cache.Rent("PRAGMA mmap_size;")).ToList();
        foreach (var lease in leases)
        {
            Assert.Equal(SqliteStatementCache.MemoryMapBytes, await lease.Command!.ExecuteScalarAsync());
        }

        // Two more than the cache keeps: their connections go back to the pool unmapped.
        leases.ForEach(lease => lease.Dispose());
        var connections = site.Services.GetRequiredService<SiteConnection>();
        var pooled = new List<DbConnection>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var connection = connections.CreateConnection();
                pooled.Add(connection);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA mmap_size;";
                Assert.Equal(0L, await command.ExecuteScalarAsync());
            }
        }
        finally
        {
            pooled.ForEach(connection => connection.Dispose());
        }
    }

    /// <summary>Runs after every successful authentication: records the request's path.</summary>
    private sealed class RecordingClaimsTransformation(IHttpContextAccessor accessor, System.Collections.Concurrent.ConcurrentQueue<string> paths) : IClaimsTransformation
    {
        public Task<System.Security.Claims.ClaimsPrincipal> TransformAsync(System.Security.Claims.ClaimsPrincipal principal)
        {
            paths.Enqueue(accessor.HttpContext?.Request.Path.Value ?? "");
            return Task.FromResult(principal);
        }
    }
}
