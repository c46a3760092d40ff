using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace StoreSite.Tests.Infrastructure;

/// <summary>
/// One StoreSite on its own temporary App_Data (SQLite by default, or a PostgreSQL database), with
/// a fake clock and captured logs. By default it is set up headless with the <c>store</c> recipe and
/// the admin <see cref="AdminEmail"/>. Dispose deletes the folder.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "Admin-Passw0rd";
    public const string CustomerPassword = "Customer-Passw0rd1";

    private readonly SiteFactory _factory;
    private readonly bool _ownsAppData;

    private TestSite(TestSiteOptions options)
    {
        Options = options;
        _ownsAppData = options.AppData is null;
        AppData = options.AppData ?? Path.Combine(Path.GetTempPath(), "storesite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(AppData);
        Clock = new FakeTimeProvider(options.Now ?? DateTimeOffset.UtcNow);
        _factory = new SiteFactory(this);
    }

    public TestSiteOptions Options { get; }

    public string AppData { get; }

    public FakeTimeProvider Clock { get; }

    public TestLogSink Logs { get; } = new();

    public IServiceProvider Services => _factory.Services;

    /// <summary>The real address when started with <see cref="TestSiteOptions.Kestrel"/>, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress => Options.Kestrel
        ? new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First())
        : new Uri("http://localhost");

    /// <summary>The mail pickup folder.</summary>
    public string MailFolder => Path.Combine(AppData, "mail");

    /// <summary>Starts a site; auto-setup (when a recipe is given) has finished when this returns.</summary>
    public static TestSite Start(Action<TestSiteOptions>? configure = null)
    {
        var options = new TestSiteOptions();
        configure?.Invoke(options);
        var site = new TestSite(options);
        if (options.Kestrel)
        {
            site._factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            site._factory.StartServer();
        }
        else
        {
            _ = site._factory.Server;
        }

        return site;
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests assert them).</summary>
    public HttpClient CreateClient(bool followRedirects = false) =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true, BaseAddress = new Uri("http://localhost") });

    /// <summary>A client signed in through the sign-in form.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateClient();
        var response = await client.SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed with {(int)response.StatusCode}: {await Html.MessagesAsync(response)}");
        }

        return client;
    }

    public Task<HttpClient> AdminAsync() => SignInAsync(AdminEmail, AdminPassword);

    /// <summary>Registers a customer through the registration form; the client is signed in.</summary>
    public async Task<HttpClient> RegisterCustomerAsync(string email)
    {
        var client = CreateClient();
        var response = await client.SubmitFormAsync("/account/register", "form[action='/account/register']", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = CustomerPassword,
            ["ConfirmPassword"] = CustomerPassword,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Registration of {email} failed with {(int)response.StatusCode}: {await Html.MessagesAsync(response)}");
        }

        return client;
    }

    /// <summary>Runs code in a service scope of the site (for arranging or inspecting through services).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>Waits until every password reset asked for so far has been handled (mailed or skipped) in the background.</summary>
    public Task PasswordResetsHandledAsync() =>
        Services.GetRequiredService<StoreSite.Web.Accounts.PasswordResetQueue>().WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsAppData)
        {
            try
            {
                Directory.Delete(AppData, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the temporary folder is cleaned by the OS.
            }
        }
    }

    private sealed class SiteFactory(TestSite site) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var options = site.Options;
            builder.UseEnvironment("Testing");
            builder.UseSetting("StoreSite:AppData", site.AppData);
            if (options.Recipe is not null)
            {
                builder.UseSetting("StoreSite:AutoSetup:Recipe", options.Recipe);
                builder.UseSetting("StoreSite:AutoSetup:SiteName", "Test Store");
                builder.UseSetting("StoreSite:AutoSetup:AdminEmail", AdminEmail);
                builder.UseSetting("StoreSite:AutoSetup:AdminPassword", AdminPassword);
            }

            if (options.PostgresConnectionString is not null)
            {
                builder.UseSetting("StoreSite:Database:Provider", "Postgres");
                builder.UseSetting("StoreSite:Database:ConnectionString", options.PostgresConnectionString);
            }

            foreach (var (key, value) in options.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.SetMinimumLevel(LogLevel.Information);
                logging.AddProvider(site.Logs);
            });
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(site.Clock);
                services.AddSingleton<IStartupFilter, TestRemoteAddressStartupFilter>();
                options.Services?.Invoke(services);
            });
        }
    }
}
