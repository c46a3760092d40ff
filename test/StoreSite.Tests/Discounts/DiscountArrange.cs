using System.Globalization;
using CP.Commerce.Data;
using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Discounts;

/// <summary>Discount codes made through the recipe step, and what the store recorded of them.</summary>
internal static class DiscountArrange
{
    /// <summary>Runs a <c>Discounts</c> step with these entries (JSON objects); fails the test when it stops.</summary>
    public static async Task AddAsync(TestSite site, params string[] discounts)
    {
        var result = await site.RunRecipeAsync($$"""{"name": "test", "steps": [{"name": "Discounts", "discounts": [{{string.Join(",", discounts)}}]}]}""");
        Assert.True(result.Succeeded, result.Error);
    }

    public static string Percent(string code, int percent, string extra = "") =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"code": "{{code}}", "percent": {{percent}}{{extra}}}""");

    public static string Amount(string code, decimal amount, string extra = "") =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"code": "{{code}}", "amount": {{amount}}{{extra}}}""");

    public static Task<Discount> LoadAsync(TestSite site, string code) =>
        site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Discounts.AsNoTracking().Include(d => d.Products).Include(d => d.Plans).AsSplitQuery().SingleAsync(d => d.Code == code));

    /// <summary>The id of the plan named <paramref name="plan"/> of the product <paramref name="slug"/>.</summary>
    public static Task<int> PlanIdAsync(TestSite site, string slug, string plan) =>
        site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans.Where(p => p.Product!.Slug == slug && p.Name == plan).Select(p => p.Id).SingleAsync());

    public static Task<int> ProductIdAsync(TestSite site, string slug) =>
        site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    public static Task<List<DiscountRedemption>> RedemptionsAsync(TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().DiscountRedemptions.AsNoTracking().OrderBy(r => r.Id).ToListAsync());
}
