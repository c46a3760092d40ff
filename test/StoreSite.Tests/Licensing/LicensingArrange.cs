using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Recipes;

namespace StoreSite.Tests.Licensing;

/// <summary>Arranges licensing scenarios through the product's entry points (recipes, services, the Verify API).</summary>
internal static class LicensingArrange
{
    /// <summary>The published test vector's secret: the bytes 1..32.</summary>
    public const string TestSecret = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    public const string VerifyUrl = "/api/v1/licenses/verify";

    public const string CustomerEmail = "buyer@example.com";

    public static byte[] TestSecretBytes => Convert.FromBase64String(TestSecret);

    /// <summary>Runs a recipe made of <paramref name="steps"/>; fails the test when it stops.</summary>
    public static async Task RunRecipeAsync(TestSite site, params JsonObject[] steps)
    {
        var result = await TryRecipeAsync(site, steps);
        Assert.True(result.Succeeded, result.Error);
    }

    public static Task<RecipeResult> TryRecipeAsync(TestSite site, params JsonObject[] steps)
    {
        var recipe = new JsonObject { ["name"] = "test", ["steps"] = new JsonArray(steps.Select(s => (JsonNode)s).ToArray()) };
        return site.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe.ToJsonString(), CancellationToken.None));
    }

    public static JsonObject UsersStep(params string[] emails) => new()
    {
        ["name"] = "Users",
        ["Users"] = new JsonArray(emails.Select(e => (JsonNode)new JsonObject
        {
            ["email"] = e,
            ["password"] = TestSite.CustomerPassword,
            ["roles"] = new JsonArray("Customer"),
        }).ToArray()),
    };

    public static JsonObject LicensesStep(params JsonObject[] licenses) => new()
    {
        ["name"] = "Licenses",
        ["licenses"] = new JsonArray(licenses.Select(l => (JsonNode)l).ToArray()),
    };

    public static JsonObject SettingsStep(string? prefix = null, string? secret = TestSecret)
    {
        var step = new JsonObject { ["name"] = "LicensingSettings" };
        if (prefix is not null)
        {
            step["keyPrefix"] = prefix;
        }

        if (secret is not null)
        {
            step["signingSecret"] = secret;
        }

        return step;
    }

    /// <summary>A customer account (through the Users recipe step).</summary>
    public static Task CreateCustomerAsync(TestSite site, string email = CustomerEmail) => RunRecipeAsync(site, UsersStep(email));

    /// <summary>Issues a key by hand (the manual issuance service) for an existing customer.</summary>
    public static async Task<string> IssueAsync(
        TestSite site,
        int maxActivations = 0,
        DateOnly? expiresOn = null,
        LicenseMatchRule matchBy = LicenseMatchRule.DomainOrIp,
        string product = "Gallery Pro",
        string email = CustomerEmail)
    {
        var result = await site.InScopeAsync(sp => sp.GetRequiredService<LicenseIssuer>()
            .IssueAsync(new ManualLicenseRequest(email, product, expiresOn, maxActivations, matchBy), TestSite.AdminEmail, CancellationToken.None));
        Assert.True(result.Succeeded, $"{result.Field}: {result.Problem}");
        return result.Value!.Key;
    }

    /// <summary>A license as stored, with its environments and history.</summary>
    public static Task<License> LoadAsync(TestSite site, string key) =>
        site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().Licenses.AsNoTracking()
            .Include(l => l.Activations).Include(l => l.Events)
            .SingleAsync(l => l.Key == key));

    public static Task<List<License>> AllAsync(TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().Licenses.AsNoTracking()
            .Include(l => l.Activations).OrderBy(l => l.Id).ToListAsync());

    /// <summary>POSTs a Verify call from <paramref name="from"/> (the connection's address).</summary>
    public static Task<HttpResponseMessage> VerifyAsync(HttpClient client, string key, string domain, string ip = "203.0.113.10", string? from = null) =>
        PostAsync(client, JsonSerializer.Serialize(new Dictionary<string, string> { ["license_key"] = key, ["domain"] = domain, ["ip"] = ip }), from: from);

    /// <summary>POSTs a raw body to the Verify API.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string contentType = "application/json", string? from = null) =>
        PostAsync(client, Encoding.UTF8.GetBytes(body), contentType, from);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body, string? contentType = "application/json", string? from = null) =>
        PostToAsync(client, VerifyUrl, body, contentType, from);

    /// <summary>POSTs a raw body to one of the licensing API's routes, from <paramref name="from"/> (the connection's address).</summary>
    public static async Task<HttpResponseMessage> PostToAsync(HttpClient client, string url, byte[] body, string? contentType = "application/json", string? from = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (from is not null)
        {
            request.Headers.Add(TestRemoteAddressStartupFilter.Header, from);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The answer's JSON body; fails unless it is JSON.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a failure answer: status, and the documented reason and code byte for byte.</summary>
    public static async Task<JsonElement> AssertFailureAsync(HttpResponseMessage response, int status, string reason, string code)
    {
        var body = await JsonAsync(response);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.False(body.GetProperty("valid").GetBoolean());
        Assert.Equal(reason, body.GetProperty("reason").GetString());
        Assert.Equal(code, body.GetProperty("code").GetString());
        return body;
    }

    /// <summary>Asserts a 200 valid answer and returns it.</summary>
    public static async Task<JsonElement> AssertValidAsync(HttpResponseMessage response)
    {
        var body = await JsonAsync(response);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, body.ToString());
        Assert.True(body.GetProperty("valid").GetBoolean());
        return body;
    }

    public static JsonObject License(string? key = null, string email = CustomerEmail, string product = "Gallery Pro", string? expiry = null, int max = 5, string status = "Active", params (string Domain, string Ip)[] activations)
    {
        var license = new JsonObject
        {
            ["customerEmail"] = email,
            ["product"] = product,
            ["expiry"] = expiry,
            ["maxActivations"] = max,
            ["status"] = status,
            ["activations"] = new JsonArray(activations.Select(a => (JsonNode)new JsonObject { ["domain"] = a.Domain, ["ip"] = a.Ip }).ToArray()),
        };
        if (key is not null)
        {
            license["key"] = key;
        }

        return license;
    }

    /// <summary>A key signed with the test secret and the default prefix.</summary>
    public static string SignedKey() => LicenseKeys.Generate("CP", TestSecretBytes);
}
