using CP.Commerce.Models;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Discounts;

public sealed class DiscountsRecipeTests
{
    [Fact]
    public async Task The_store_recipe_adds_a_welcome_code_for_new_purchases_once_per_customer()
    {
        await using var site = TestSite.Start();

        var welcome = await DiscountArrange.LoadAsync(site, "WELCOME10");

        Assert.Equal((DiscountKind.Percent, 10, DiscountAppliesTo.New, 0, 1, true), (welcome.Kind, welcome.Percent, welcome.AppliesTo, welcome.MaxRedemptions, welcome.MaxPerCustomer, welcome.IsActive));
        Assert.Empty(welcome.Products);
    }

    [Fact]
    public async Task Discounts_step_creates_codes_with_every_field()
    {
        await using var site = TestSite.Start();

        await DiscountArrange.AddAsync(
            site,
            """{"code": "renew-20", "percent": 20, "appliesTo": "renewals", "products": ["site-builder-pro", "backup-guard"], "validFrom": "2026-01-01", "validUntil": "2026-12-31", "maxRedemptions": 50, "maxPerCustomer": 2, "active": false}""",
            """{"code": "TENOFF", "amount": "10.00"}""");

        var renew = await DiscountArrange.LoadAsync(site, "RENEW-20");
        var ten = await DiscountArrange.LoadAsync(site, "TENOFF");
        Assert.Equal((DiscountKind.Percent, 20, DiscountAppliesTo.Renewals, 2, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 50, 2, false), (renew.Kind, renew.Percent, renew.AppliesTo, renew.Products.Count, renew.ValidFrom!.Value, renew.ValidUntil!.Value, renew.MaxRedemptions, renew.MaxPerCustomer, renew.IsActive));
        Assert.Equal((DiscountKind.Amount, 10.00m, DiscountAppliesTo.All, 0, null, 0, 0, true), (ten.Kind, ten.Amount, ten.AppliesTo, ten.Products.Count, ten.ValidUntil, ten.MaxRedemptions, ten.MaxPerCustomer, ten.IsActive));
    }

    [Fact]
    public async Task Discounts_step_limits_a_code_to_plans_named_by_product_slug_and_plan_name_besides_its_products()
    {
        await using var site = TestSite.Start();

        await DiscountArrange.AddAsync(
            site,
            """{"code": "PLANS", "percent": 10, "products": ["backup-guard"], "plans": [{"product": "site-builder-pro", "plan": "Agency (5 sites)"}, {"Product": " backup-guard ", "Plan": "Lifetime (unlimited sites)"}]}""",
            """{"code": "NOPLANS", "percent": 10, "plans": []}""");

        var plans = await DiscountArrange.LoadAsync(site, "PLANS");
        var none = await DiscountArrange.LoadAsync(site, "NOPLANS");
        var expected = new[] { await DiscountArrange.PlanIdAsync(site, "site-builder-pro", "Agency (5 sites)"), await DiscountArrange.PlanIdAsync(site, "backup-guard", "Lifetime (unlimited sites)") };
        Assert.Equal(expected.Order(), plans.Plans.Select(p => p.PlanId).Order());
        Assert.Equal([await DiscountArrange.ProductIdAsync(site, "backup-guard")], plans.Products.Select(p => p.ProductId));
        Assert.Empty(none.Plans);
        Assert.Empty(none.Products);
    }

    [Fact]
    public async Task A_plan_name_two_plans_of_the_product_bear_stops_the_recipe()
    {
        await using var site = TestSite.Start();
        var products = await site.RunRecipeAsync("""{"name": "twins", "steps": [{"name": "Products", "products": [{"name": "Twins", "slug": "twins", "plans": [{"name": "Same", "price": 5}, {"name": "Same", "price": 6}]}]}]}""");
        Assert.True(products.Succeeded, products.Error);

        var result = await site.RunRecipeAsync("""{"name": "test", "steps": [{"name": "Discounts", "discounts": [{"code": "TWIN", "percent": 10, "plans": [{"product": "twins", "plan": "Same"}]}]}]}""");

        Assert.False(result.Succeeded);
        Assert.Contains("'discounts[0].plans[0]'", result.Error, StringComparison.Ordinal);
        Assert.Contains("more than one plan named 'Same'", result.Error, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => DiscountArrange.LoadAsync(site, "TWIN"));
    }

    [Theory]
    [InlineData("""{"percent": 10}""", "discounts[0].code", "is required.")]
    [InlineData("""{"code": "A B C", "percent": 10}""", "discounts[0].code", "The code must be")]
    [InlineData("""{"code": "welcome10", "percent": 10}""", "discounts[0].code", "already exists")]
    [InlineData("""{"code": "TWICE", "percent": 10}, {"code": "twice", "percent": 5}""", "discounts[1].code", "given twice")]
    [InlineData("""{"code": "BOTH", "percent": 10, "amount": 5}""", "discounts[0].amount", "not both")]
    [InlineData("""{"code": "NEITHER"}""", "discounts[0].percent", "Give percent")]
    [InlineData("""{"code": "HUGE", "percent": 101}""", "discounts[0].percent", "between 1 and 100")]
    [InlineData("""{"code": "HALF", "percent": 12.5}""", "discounts[0].percent", "whole number")]
    [InlineData("""{"code": "COMMA", "amount": "9,50"}""", "discounts[0].amount", "point before the cents")]
    [InlineData("""{"code": "NEG", "amount": -5}""", "discounts[0].amount", "between 0 and 1,000,000")]
    [InlineData("""{"code": "ZEROAMT", "amount": 0}""", "discounts[0].amount", "above 0")]
    [InlineData("""{"code": "SCOPE", "percent": 10, "appliesTo": "upgrades"}""", "discounts[0].appliesTo", "all, new or renewals")]
    [InlineData("""{"code": "GHOST", "percent": 10, "products": ["backup-guard", "no-such-product"]}""", "discounts[0].products[1]", "no-such-product")]
    [InlineData("""{"code": "PRODS", "percent": 10, "products": "backup-guard"}""", "discounts[0].products", "must be an array")]
    [InlineData("""{"code": "DATE", "percent": 10, "validUntil": "31/12/2026"}""", "discounts[0].validUntil", "YYYY-MM-DD")]
    [InlineData("""{"code": "ORDER", "percent": 10, "validFrom": "2026-05-02", "validUntil": "2026-05-01"}""", "discounts[0].validUntil", "before the first")]
    [InlineData("""{"code": "LIMIT", "percent": 10, "maxRedemptions": -1}""", "discounts[0].maxRedemptions", "between 0 and 1000000")]
    [InlineData("""{"code": "PERCUST", "percent": 10, "maxPerCustomer": "one"}""", "discounts[0].maxPerCustomer", "whole number")]
    [InlineData("""{"code": "ACTIVE", "percent": 10, "active": "yes"}""", "discounts[0].active", "true or false")]
    [InlineData("""{"code": "EXTRA", "percent": 10, "scope": "all"}""", "discounts[0].scope", "Unknown discount field")]
    [InlineData("""{"code": "NOPLAN", "percent": 10, "plans": [{"product": "backup-guard", "plan": "Personal"}, {"product": "backup-guard", "plan": "Gold"}]}""", "discounts[0].plans[1]", "The product 'backup-guard' has no plan named 'Gold'.")]
    [InlineData("""{"code": "WRONGPROD", "percent": 10, "plans": [{"product": "backup-guard", "plan": "Agency (5 sites)"}]}""", "discounts[0].plans[0]", "has no plan named 'Agency (5 sites)'")]
    [InlineData("""{"code": "PLANPROD", "percent": 10, "plans": [{"product": "no-such-product", "plan": "Personal"}]}""", "discounts[0].plans[0]", "No product has the slug 'no-such-product'.")]
    [InlineData("""{"code": "PLANCASE", "percent": 10, "plans": [{"product": "backup-guard", "plan": "personal"}]}""", "discounts[0].plans[0]", "has no plan named 'personal'")]
    [InlineData("""{"code": "PLANSTR", "percent": 10, "plans": "backup-guard"}""", "discounts[0].plans", "must be an array")]
    [InlineData("""{"code": "PLANNUM", "percent": 10, "plans": [1]}""", "discounts[0].plans[0]", "must be an object")]
    [InlineData("""{"code": "PLANSLUG", "percent": 10, "plans": ["backup-guard"]}""", "discounts[0].plans[0]", "must be an object")]
    [InlineData("""{"code": "PLANNONAME", "percent": 10, "plans": [{"product": "backup-guard"}]}""", "discounts[0].plans[0].plan", "is required.")]
    [InlineData("""{"code": "PLANNOPROD", "percent": 10, "plans": [{"plan": "Personal"}]}""", "discounts[0].plans[0].product", "is required.")]
    [InlineData("""{"code": "PLANID", "percent": 10, "plans": [{"product": "backup-guard", "plan": "Personal", "id": 3}]}""", "discounts[0].plans[0].id", "Unknown plan field")]
    [InlineData("""{"code": "PLANINT", "percent": 10, "plans": [{"product": "backup-guard", "plan": 3}]}""", "discounts[0].plans[0].plan", "must be a string")]
    [InlineData("""{"code": "PLANSQL", "percent": 10, "plans": [{"product": "backup-guard", "plan": "' OR 1=1 --"}]}""", "discounts[0].plans[0]", "has no plan named")]
    [InlineData("""{"code": "PLANHTML", "percent": 10, "plans": [{"product": "<script>alert(1)</script>", "plan": "Personal"}]}""", "discounts[0].plans[0]", "No product has the slug")]
    [InlineData("""{"code": "PLANWILD", "percent": 10, "plans": [{"product": "backup-guard", "plan": "%"}]}""", "discounts[0].plans[0]", "has no plan named '%'")]
    [InlineData("""42""", "discounts[0]", "must be an object")]
    [InlineData("""{"code": "<script>alert(1)</script>", "percent": 10}""", "discounts[0].code", "The code must be")]
    [InlineData("""{"code": "' OR '1'='1'; --", "percent": 10}""", "discounts[0].code", "The code must be")]
    [InlineData("""{"code": "WELC\u041EME10", "percent": 10}""", "discounts[0].code", "The code must be")]
    [InlineData("""{"code": "a\u0007b\u001Bc", "percent": 10}""", "discounts[0].code", "The code must be")]
    [InlineData("""{"code": "SQLSLUG", "percent": 10, "products": ["' OR 1=1 --"]}""", "discounts[0].products[0]", "No product has the slug")]
    [InlineData("""{"code": "NUMSLUG", "percent": 10, "products": [7]}""", "discounts[0].products[0]", "non-empty string")]
    [InlineData("""{"code": "BIGINT", "percent": 10, "maxRedemptions": 99999999999}""", "discounts[0].maxRedemptions", "whole number")]
    [InlineData("""{"code": "FARDATE", "percent": 10, "validFrom": "99999-01-01"}""", "discounts[0].validFrom", "YYYY-MM-DD")]
    public async Task A_bad_or_hostile_discount_stops_the_recipe_naming_the_field_and_adds_nothing(string discounts, string field, string problem)
    {
        await using var site = TestSite.Start();

        var result = await site.RunRecipeAsync($$"""{"name": "test", "steps": [{"name": "Discounts", "discounts": [{"code": "FIRSTOK", "percent": 5}, {{discounts}}]}]}""");

        Assert.False(result.Succeeded);
        var shifted = field.Replace("discounts[1]", "discounts[2]", StringComparison.Ordinal).Replace("discounts[0]", "discounts[1]", StringComparison.Ordinal);
        Assert.Contains($"'{shifted}'", result.Error, StringComparison.Ordinal);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => DiscountArrange.LoadAsync(site, "FIRSTOK"));
    }
}
