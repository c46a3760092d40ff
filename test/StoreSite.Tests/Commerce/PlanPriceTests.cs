using System.Net;
using CP.Commerce.Data;
using CP.Commerce.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

/// <summary>
/// The plan editor's price through the form: read by the one money rule stated under the field, in
/// any culture of the server; a refused price keeps the stored one, and the form shows what was typed.
/// </summary>
public sealed class PlanPriceTests
{
    private const string Plan = "Personal";
    private const decimal StoredPrice = 9.50m;

    [Theory]
    [InlineData("1,000.00", "1000.00")]
    [InlineData("9.5", "9.50")]
    [InlineData("9.50", "9.50")]
    [InlineData(" 19.99 ", "19.99")]
    [InlineData("0", "0.00")]
    [InlineData("1,000,000.00", "1000000.00")]
    [InlineData("12,345.6", "12345.60")]
    public async Task A_price_written_by_the_rule_is_saved_as_typed(string typed, string saved)
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var url = await PlanUrlAsync(site);

        using var response = await admin.SubmitFormAsync(url, "form.plan-form", new Dictionary<string, string> { ["Price"] = typed });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var product = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal($"Plan {Plan} saved.", product.Text(".notice-success"));
        Assert.Equal(decimal.Parse(saved, System.Globalization.CultureInfo.InvariantCulture), await PriceAsync(site));
        Assert.Equal(saved, (await admin.GetDocumentAsync(url)).QuerySelector("input[name='Price']")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("9,50", "Write a point before the cents: 9.50.")]
    [InlineData("1.000,00", "Write a point before the cents: 1,000.00.")]
    [InlineData("1,00", "Write a point before the cents: 1.00.")]
    [InlineData("9.999", "Use at most two decimals after the point (for thousands, use commas: 1,000.00).")]
    [InlineData("1.999", "Use at most two decimals after the point (for thousands, use commas: 1,000.00).")]
    [InlineData("-1", "Enter the amount without a sign; it cannot be negative.")]
    [InlineData("1e3", "Use only digits, a point before the cents and commas between thousands, e.g. 1,000.00.")]
    [InlineData("", "Enter the price.")]
    [InlineData("   ", "Enter the price.")]
    [InlineData("1000000.01", "Enter at most 1,000,000.00.")]
    [InlineData("99999999", "Enter at most 1,000,000.00.")]
    [InlineData("0,500", "Commas may only group thousands in threes, e.g. 1,000.00; the cents come after a point.")]
    [InlineData(",5", "Commas may only group thousands in threes, e.g. 1,000.00; the cents come after a point.")]
    [InlineData("5.", "Write one or two digits after the point, e.g. 5.00.")]
    [InlineData("\u0661\u0662", "Use the digits 0 to 9.")]
    [InlineData("\uFF19.\uFF15\uFF10", "Use the digits 0 to 9.")]
    [InlineData("9\u00A0500", "Use only digits, a point before the cents and commas between thousands, e.g. 1,000.00.")]
    public async Task Any_other_price_gets_a_message_next_to_the_field_shows_what_was_typed_and_keeps_the_stored_price(string typed, string message)
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var url = await PlanUrlAsync(site);

        using var response = await admin.SubmitFormAsync(url, "form.plan-form", new Dictionary<string, string> { ["Price"] = typed, ["Name"] = "Personal Plus" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(message, Html.FieldError(page, "Price"));
        Assert.Equal(typed, page.QuerySelector("input[name='Price']")?.GetAttribute("value"));
        Assert.Equal("Personal Plus", page.QuerySelector("input[name='Name']")?.GetAttribute("value"));
        Assert.Null(page.QuerySelector(".notice-success"));
        Assert.Equal(StoredPrice, await PriceAsync(site));
        Assert.Equal(Plan, await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans.Where(p => p.Name == Plan || p.Name == "Personal Plus").Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task The_rule_is_stated_under_the_field()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync(await PlanUrlAsync(site));

        var input = page.QuerySelector("input[name='Price']")!;
        Assert.Equal("9.50", input.GetAttribute("value"));
        var hint = page.QuerySelector($"#{input.GetAttribute("aria-describedby")}")?.TextContent;
        Assert.Contains(Money.InputRule, hint, StringComparison.Ordinal);
        Assert.Contains("e.g. 19.99 or 1,000.00", hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("de-CH")]
    [InlineData("en-US")]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    public async Task A_server_in_another_culture_reads_prices_by_the_same_rule(string culture)
    {
        await using var site = TestSite.Start(o => o.Services = s => s.AddSingleton<IStartupFilter>(new RequestCultureStartupFilter(culture)));
        var admin = await site.AdminAsync();
        var url = await PlanUrlAsync(site);

        using var point = await admin.SubmitFormAsync(url, "form.plan-form", new Dictionary<string, string> { ["Price"] = "12.50" });
        Assert.Equal(HttpStatusCode.Redirect, point.StatusCode);
        Assert.Equal(12.50m, await PriceAsync(site));
        Assert.Equal("12.50", (await admin.GetDocumentAsync(url)).QuerySelector("input[name='Price']")?.GetAttribute("value"));

        using var grouped = await admin.SubmitFormAsync(url, "form.plan-form", new Dictionary<string, string> { ["Price"] = "1,000.00" });
        Assert.Equal(HttpStatusCode.Redirect, grouped.StatusCode);
        Assert.Equal(1000m, await PriceAsync(site));

        using var comma = await admin.SubmitFormAsync(url, "form.plan-form", new Dictionary<string, string> { ["Price"] = "9,50" });
        Assert.Equal(HttpStatusCode.OK, comma.StatusCode);
        Assert.Equal("Write a point before the cents: 9.50.", Html.FieldError(await Html.ParseAsync(comma), "Price"));
        Assert.Equal(1000m, await PriceAsync(site));

        var store = await site.CreateClient().GetDocumentAsync("/products/backup-guard");
        Assert.Contains("1,000.00 USD", store.QuerySelectorAll("section.plan .price").Select(p => p.TextContent.Trim()));
    }

    [Fact]
    public async Task A_new_plan_refuses_a_decimal_comma_and_creates_nothing()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var productId = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.Where(p => p.Slug == "backup-guard").Select(p => p.Id).SingleAsync());
        var before = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans.CountAsync());

        using var response = await admin.SubmitFormAsync($"/admin/products/{productId}/plans/new", "form.plan-form", new Dictionary<string, string> { ["Name"] = "Team", ["Price"] = "29,90" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Write a point before the cents: 29.90.", Html.FieldError(await Html.ParseAsync(response), "Price"));
        Assert.Equal(before, await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans.CountAsync()));
    }

    private static async Task<string> PlanUrlAsync(TestSite site)
    {
        var plan = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans.Where(p => p.Name == Plan).Select(p => new { p.Id, p.ProductId }).SingleAsync());
        return $"/admin/products/{plan.ProductId}/plans/{plan.Id}";
    }

    private static Task<decimal> PriceAsync(TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans.Where(p => p.Name == Plan).Select(p => p.Price).SingleAsync());
}
