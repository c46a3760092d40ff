using System.Net;
using AngleSharp.Dom;
using CP.Commerce.Data;
using CP.Licensing.Data;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Renewals;

/// <summary>Keys bought through the store, renewed through the customer's own pages, and the plan's renewal section set by the admin.</summary>
internal static class RenewalArrange
{
    /// <summary>A customer who bought <paramref name="quantity"/> Single site keys (1 year, 19.99 USD) through checkout.</summary>
    public static async Task<(HttpClient Customer, string Order, List<License> Keys)> BuyAsync(TestSite site, string email = "renewer@example.com", int quantity = 1)
    {
        var (customer, number) = await site.PaidOrderAsync(email, quantity);
        var keys = (await LicensingArrange.AllAsync(site)).Where(l => l.OrderNumber == number).ToList();
        Assert.Equal(quantity, keys.Count);
        return (customer, number, keys);
    }

    public static DateOnly Today(TestSite site) => DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Clicks Renew on the key's row of Account -> Licenses.</summary>
    public static Task<HttpResponseMessage> RenewFromListAsync(HttpClient customer, int licenseId) =>
        customer.SubmitFormAsync("/account/licenses", $"tr[data-license-id='{licenseId}'] form.renew-form", new Dictionary<string, string>());

    /// <summary>Clicks Renew on the key's own page.</summary>
    public static Task<HttpResponseMessage> RenewFromKeyPageAsync(HttpClient customer, int licenseId) =>
        customer.SubmitFormAsync($"/account/licenses/{licenseId}", "form.renew-form", new Dictionary<string, string>());

    /// <summary>POSTs the Renew form for any id (what a page without the button cannot send), with the client's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostRenewAsync(HttpClient client, int licenseId, bool signedIn = true)
    {
        var page = await client.GetDocumentAsync(signedIn ? "/account" : "/account/login");
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", Html.AntiforgeryToken(page))]);
        return await client.PostAsync($"/account/licenses/{licenseId}/renew", content);
    }

    /// <summary>Follows the redirect to the cart and returns the page (with the notices the redirect left).</summary>
    public static async Task<IDocument> CartAfterAsync(HttpClient customer, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/cart", response.Headers.Location!.OriginalString);
        return await customer.GetDocumentAsync("/cart");
    }

    public static string Notices(IDocument page) =>
        string.Join(" | ", page.QuerySelectorAll(".notice").Select(n => n.TextContent.Trim()));

    /// <summary>Sets the renewal section of a plan through the admin's plan editor; returns the response.</summary>
    public static async Task<HttpResponseMessage> EditRenewalAsync(TestSite site, HttpClient admin, string planName, bool enabled, string price)
    {
        var (productId, planId) = await PlanAsync(site, planName);
        var values = new Dictionary<string, string> { ["licensing.RenewalPrice"] = price };
        values["licensing.RenewalEnabled"] = enabled ? "true" : "false";
        return await admin.SubmitFormAsync($"/admin/products/{productId}/plans/{planId}", "form.plan-form", values);
    }

    public static Task<(int ProductId, int PlanId)> PlanAsync(TestSite site, string planName) =>
        site.InScopeAsync(async sp =>
        {
            var plan = await sp.GetRequiredService<CommerceDbContext>().Plans.AsNoTracking().Where(p => p.Name == planName).Select(p => new { p.ProductId, p.Id }).SingleAsync();
            return (plan.ProductId, plan.Id);
        });

    public static Task<PlanLicensingSettings> PlanSettingsAsync(TestSite site, int planId) =>
        site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().PlanLicensingSettings.AsNoTracking().SingleAsync(p => p.PlanId == planId));

    /// <summary>Sets a key's expiry as if time had passed (arranging: the pages and checkout read it as stored).</summary>
    public static Task SetExpiryAsync(TestSite site, int licenseId, DateOnly? expiresOn) =>
        site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().Licenses.Where(l => l.Id == licenseId)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresOn, expiresOn)));

    public static Task<List<LicenseRenewal>> RenewalsAsync(TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().LicenseRenewals.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    /// <summary>The Verify answer's expiry (activating the key on a domain of its own when needed).</summary>
    public static async Task<string?> VerifiedExpiryAsync(TestSite site, string key)
    {
        var body = await LicensingArrange.AssertValidAsync(await LicensingArrange.VerifyAsync(site.CreateClient(), key, "renewed.example.com", from: "198.51.100.7"));
        return body.GetProperty("expiry").GetString();
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
