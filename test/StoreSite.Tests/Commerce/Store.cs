using System.Net;
using CP.Commerce.Data;
using CP.Commerce.Models;
using CP.Commerce.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

/// <summary>Shopping through the storefront's own forms, and looking at what the store recorded.</summary>
public static class Store
{
    public const string SiteBuilder = "site-builder-pro";
    public const string SingleSite = "Single site";
    public const string Agency = "Agency (5 sites)";

    /// <summary>Adds a plan from its product page's Add to cart form.</summary>
    public static async Task<HttpResponseMessage> AddToCartAsync(this HttpClient client, string slug, string planName, int quantity = 1)
    {
        var page = await client.GetDocumentAsync($"/products/{slug}");
        var plan = page.QuerySelectorAll("section.plan").FirstOrDefault(p => p.QuerySelector("h3")?.TextContent.Trim() == planName)
            ?? throw new InvalidOperationException($"No plan {planName} on /products/{slug}");
        var id = plan.GetAttribute("data-plan-id");
        return await client.SubmitFormAsync(page, $"section.plan[data-plan-id='{id}'] form", new Dictionary<string, string> { ["Quantity"] = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>Submits the checkout form (the cart must hold something).</summary>
    public static Task<HttpResponseMessage> CheckoutAsync(this HttpClient client, bool simulateDecline = false)
    {
        var values = new Dictionary<string, string>();
        if (simulateDecline)
        {
            values["SimulateDecline"] = "true";
        }

        return client.SubmitFormAsync("/checkout", "form.checkout-form", values);
    }

    /// <summary>A customer with one paid order of <paramref name="quantity"/> x Single site; returns the order number.</summary>
    public static async Task<(HttpClient Client, string Number)> PaidOrderAsync(this TestSite site, string email, int quantity = 1)
    {
        var client = await site.RegisterCustomerAsync(email);
        (await client.AddToCartAsync(SiteBuilder, SingleSite, quantity)).Dispose();
        using var response = await client.CheckoutAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/checkout/done/", location, StringComparison.Ordinal);
        return (client, location["/checkout/done/".Length..]);
    }

    public static Task<int> PlanIdAsync(this TestSite site, string slug, string planName) =>
        site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans
            .Where(p => p.Product!.Slug == slug && p.Name == planName).Select(p => p.Id).SingleAsync());

    public static Task<List<Order>> OrdersAsync(this TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Orders.AsNoTracking()
            .Include(o => o.Lines).Include(o => o.Timeline).AsSplitQuery().OrderBy(o => o.Id).ToListAsync());

    public static async Task<Order> OrderAsync(this TestSite site, string number) =>
        (await site.OrdersAsync()).Single(o => o.Number == number);

    public static TestPaymentProvider Payments(this TestSite site) => site.Services.GetRequiredService<TestPaymentProvider>();

    /// <summary>The messages in the mail pickup folder, oldest first.</summary>
    public static List<MimeMessage> Mails(this TestSite site) =>
        Directory.Exists(site.MailFolder)
            ? Directory.GetFiles(site.MailFolder, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Select(f => MimeMessage.Load(f)).ToList()
            : [];

    public static string Text(this AngleSharp.Dom.IDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"Nothing matches {selector} on {page.Url}");
}
