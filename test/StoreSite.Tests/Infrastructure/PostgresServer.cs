using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace StoreSite.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL server the PostgreSQL tests use: the one <c>.ci/run</c> started (connection
/// string in <see cref="EnvironmentVariable"/>), or else a throwaway cluster this test run starts
/// itself with the installed <c>initdb</c>/<c>pg_ctl</c> and stops at exit. Each test gets its own
/// database. Without PostgreSQL these tests fail, saying how to get it.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "STORESITE_TEST_POSTGRES";
    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    /// <summary>A new empty database; dispose drops it.</summary>
    public static async Task<PostgresDatabase> CreateDatabaseAsync()
    {
        var admin = await Server.Value;
        var name = "storesite_" + Guid.NewGuid().ToString("N")[..20];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new PostgresDatabase(admin, name, new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 60 }.ToString());
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var bin = FindBin() ?? throw new InvalidOperationException(
            $"PostgreSQL is not available: set {EnvironmentVariable} to a server's connection string, or install the postgresql package (bash .ci/run does both).");
        var dir = Path.Combine(Path.GetTempPath(), "storesite-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"postgres:postgres {dir}");
        }

        await RunAsync(Path.Combine(bin, "initdb"), $"-D {dir}/data -U postgres -A trust --no-sync -E UTF8", asRoot);
        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -l {dir}/log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" start", asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var stop = Process.Start(StartInfo(Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -m immediate stop", asRoot));
            stop?.WaitForExit(10_000);
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true";
    }

    private static string? FindBin()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin"))
            : [];
        return versions.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo StartInfo(string file, string arguments, bool asPostgres)
    {
        var info = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        return info;
    }

    private static async Task RunAsync(string file, string arguments, bool asPostgres = false)
    {
        using var process = Process.Start(StartInfo(file, arguments, asPostgres))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}
