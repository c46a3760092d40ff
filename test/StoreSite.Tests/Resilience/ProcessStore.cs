using System.Net;
using System.Text.Json.Nodes;
using CP.Licensing.Keys;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Resilience;

/// <summary>
/// A store for tests of StoreSite.Web processes: a setup recipe file (commerce and licensing, the
/// test payment provider, the published test signing secret, a customer, a product whose plan issues
/// a key, and licenses whose keys the test made) and the <c>StoreSite__…</c> environment of each
/// node. Everything lives in one temporary folder, deleted on dispose.
/// </summary>
internal sealed class ProcessStore : IDisposable
{
    public const string CustomerEmail = "buyer@example.com";
    public const string ProductSlug = "gallery-pro";
    public const string ProductName = "Gallery Pro";

    /// <summary>The licensed plan: a key per unit, Max Activations 1, valid one year.</summary>
    public const string LicensedPlan = "Single site";

    private ProcessStore(string folder, IReadOnlyList<(string Key, int Max)> licenses)
    {
        Folder = folder;
        Licenses = licenses;
    }

    public string Folder { get; }

    public string RecipePath => Path.Combine(Folder, "test-store.recipe.json");

    /// <summary>The imported licenses (keys signed with <see cref="LicensingArrange.TestSecret"/>) and their Max Activations.</summary>
    public IReadOnlyList<(string Key, int Max)> Licenses { get; }

    /// <summary>Writes the setup recipe with one imported key (lifetime, no environments) per entry of <paramref name="maxActivations"/>.</summary>
    public static ProcessStore Create(params int[] maxActivations) => Create(0, maxActivations);

    /// <summary>The same with <paramref name="moreCustomers"/> more accounts: a setup that takes a while (a password hash each).</summary>
    public static ProcessStore Create(int moreCustomers, params int[] maxActivations)
    {
        var folder = Path.Combine(Path.GetTempPath(), "storesite-tests", "process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var licenses = maxActivations.Select(max => (LicenseKeys.Generate("CP", LicensingArrange.TestSecretBytes), max)).ToList();
        var store = new ProcessStore(folder, licenses);
        var customers = Enumerable.Range(1, moreCustomers).Select(i => $"customer{i}@example.com").Prepend(CustomerEmail).ToArray();
        File.WriteAllText(store.RecipePath, Recipe(licenses, customers).ToJsonString());
        return store;
    }

    /// <summary>
    /// The environment of node <paramref name="node"/>: its own App_Data, auto-setup with the recipe,
    /// rate limits out of the way, PostgreSQL when <paramref name="postgres"/> is given, and its files in
    /// the S3 bucket <paramref name="files"/> when given.
    /// </summary>
    public Dictionary<string, string> Environment(string node, string? postgres = null, StoreSite.Files.FilesOptions? files = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["StoreSite__AppData"] = AppData(node),
            ["StoreSite__AutoSetup__Recipe"] = RecipePath,
            ["StoreSite__AutoSetup__SiteName"] = "Process Store",
            ["StoreSite__AutoSetup__AdminEmail"] = TestSite.AdminEmail,
            ["StoreSite__AutoSetup__AdminPassword"] = TestSite.AdminPassword,
            ["StoreSite__Licensing__Verify__PermitPerMinute"] = "1000000",
            ["StoreSite__SignIn__PermitPerMinute"] = "10000",
        };
        if (postgres is not null)
        {
            environment["StoreSite__Database__Provider"] = "Postgres";
            environment["StoreSite__Database__ConnectionString"] = postgres;
        }

        if (files is not null)
        {
            var settings = new Dictionary<string, string?>();
            S3Server.Apply(files, settings);
            foreach (var (name, value) in settings)
            {
                environment[name.Replace(":", "__", StringComparison.Ordinal)] = value!;
            }
        }

        return environment;
    }

    public string AppData(string node) => Path.Combine(Folder, node);

    /// <summary>A cookie-keeping client of <paramref name="server"/> (no auto redirect), from 127.0.0.1.</summary>
    public static HttpClient Browser(ServerProcess server) =>
        server.CreateClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false });

    /// <summary>A browser signed in on <paramref name="server"/> through its sign-in form.</summary>
    public static async Task<HttpClient> SignInAsync(ServerProcess server, string email, string password)
    {
        var client = Browser(server);
        using var response = await client.SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} answered {(int)response.StatusCode}: {await Html.MessagesAsync(response)}");
        return client;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder is cleaned by the OS.
        }
    }

    private static JsonObject Recipe(IEnumerable<(string Key, int Max)> licenses, string[] customers) => new()
    {
        ["name"] = "test-store",
        ["displayName"] = "Test store",
        ["description"] = "Commerce and licensing with known keys, for process tests.",
        ["issetuprecipe"] = true,
        ["steps"] = new JsonArray(
            new JsonObject { ["name"] = "feature", ["enable"] = new JsonArray("CP.Commerce", "CP.Licensing", "CP.Downloads") },
            new JsonObject { ["name"] = "Settings", ["TimeZone"] = "UTC", ["PageSize"] = 20, ["Currency"] = "USD" },
            new JsonObject { ["name"] = "CommerceSettings", ["paymentProvider"] = "test" },
            LicensingArrange.SettingsStep(),
            LicensingArrange.UsersStep(customers),
            new JsonObject
            {
                ["name"] = "Products",
                ["products"] = new JsonArray(new JsonObject
                {
                    ["name"] = ProductName,
                    ["slug"] = ProductSlug,
                    ["description"] = "Photo galleries.",
                    ["active"] = true,
                    ["plans"] = new JsonArray(new JsonObject
                    {
                        ["name"] = LicensedPlan,
                        ["price"] = 29.00m,
                        ["active"] = true,
                        ["licensing"] = new JsonObject
                        {
                            ["issueLicense"] = true,
                            ["validity"] = new JsonObject { ["unit"] = "years", ["value"] = 1 },
                            ["maxActivations"] = 1,
                        },
                    }),
                }),
            },
            LicensingArrange.LicensesStep(licenses.Select(l => LicensingArrange.License(l.Key, CustomerEmail, ProductName, max: l.Max)).ToArray())),
    };
}
