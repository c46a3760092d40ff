using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CP.Licensing.Data;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Licensing;

/// <summary>Calls to the Deactivate API, and what a deactivation test arranges.</summary>
internal static class DeactivateArrange
{
    public const string DeactivateUrl = "/api/v1/licenses/deactivate";

    /// <summary>POSTs a Deactivate call from <paramref name="from"/> (the connection's address).</summary>
    public static Task<HttpResponseMessage> DeactivateAsync(HttpClient client, string key, string domain, string ip = "203.0.113.10", string? from = null, string? product = null, string? nonce = null)
    {
        var body = new Dictionary<string, string> { ["license_key"] = key, ["domain"] = domain, ["ip"] = ip };
        if (product is not null)
        {
            body["product"] = product;
        }

        if (nonce is not null)
        {
            body["nonce"] = nonce;
        }

        return PostDeactivateAsync(client, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body)), from: from);
    }

    /// <summary>POSTs a raw body to the Deactivate API.</summary>
    public static Task<HttpResponseMessage> PostDeactivateAsync(HttpClient client, byte[] body, string? contentType = "application/json", string? from = null) =>
        LicensingArrange.PostToAsync(client, DeactivateUrl, body, contentType, from);

    /// <summary>Asserts a 200 deactivated answer and returns it.</summary>
    public static async Task<JsonElement> AssertDeactivatedAsync(HttpResponseMessage response)
    {
        var body = await LicensingArrange.JsonAsync(response);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, body.ToString());
        Assert.True(body.GetProperty("deactivated").GetBoolean());
        return body;
    }

    /// <summary>Sets a key's deactivation allowance (what issuance copies from the plan).</summary>
    public static Task SetAllowanceAsync(TestSite site, string key, bool allowed, int per30Days) => site.InScopeAsync(sp =>
        sp.GetRequiredService<LicensingDbContext>().Licenses.Where(l => l.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.DeactivationsAllowed, allowed).SetProperty(l => l.DeactivationsPer30Days, per30Days)));

    /// <summary>A development environment on the key's allow-list (uses no slot), as Verify records one.</summary>
    public static Task AddDevelopmentEnvironmentAsync(TestSite site, string key, string domain, string ip) => site.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<LicensingDbContext>();
        var licenseId = await db.Licenses.Where(l => l.Key == key).Select(l => l.Id).SingleAsync();
        var now = site.Clock.GetUtcNow();
        db.LicenseActivations.Add(new LicenseActivation { LicenseId = licenseId, Domain = domain, Ip = ip, IsDevelopment = true, FirstSeenAt = now, LastSeenAt = now });
        await db.SaveChangesAsync();
    });
}
