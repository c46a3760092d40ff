using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace StoreSite.Tests.Infrastructure;

/// <summary>
/// StoreSite.Web as a real process on 127.0.0.1 (a free port), for tests of several web nodes and of
/// crashes: configured by <c>StoreSite__…</c> environment variables, killed with SIGKILL by
/// <see cref="Kill"/>, restartable on the same App_Data/database. Output is captured for failure messages.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(IReadOnlyDictionary<string, string> environment)
    {
        var web = WebAssemblyPath();
        var info = new ProcessStartInfo("dotnet", $"\"{web}\" --urls http://127.0.0.1:0")
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        Environment = environment;
        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"StoreSite.Web exited with {_process.ExitCode} before listening: {Output}"));
    }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the process and waits until it listens and <c>/health/ready</c> answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var server = new ServerProcess(environment);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            server.BaseAddress = await server._listening.Task.WaitAsync(deadline - DateTime.UtcNow);
            using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            while (true)
            {
                try
                {
                    using var ready = await client.GetAsync("/health/ready");
                    if (ready.IsSuccessStatusCode)
                    {
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                }

                if (DateTime.UtcNow > deadline || server.HasExited)
                {
                    throw new TimeoutException($"StoreSite.Web did not become ready: {server.Output}");
                }

                await Task.Delay(100);
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new process with the same configuration (same App_Data / database).</summary>
    public Task<ServerProcess> RestartLikeAsync() => StartAsync(Environment);

    public HttpClient CreateClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL: no shutdown code runs, like a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.Yield();
        _process.Dispose();
    }

    /// <summary>The web app's build output of the same configuration as this test assembly.</summary>
    public static string WebAssemblyPath()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent?.Name ?? "Debug";
        var dir = testBin;
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StoreSite.sln")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? ".", "src", "StoreSite.Web", "bin", configuration, "net10.0", "StoreSite.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build StoreSite.Web ({configuration}) first: {path} is missing.");
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        var match = ListeningPattern().Match(line);
        if (match.Success)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningPattern();
}
