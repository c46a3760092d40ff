using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CP.Commerce.Data;
using CP.Commerce.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Discounts;

public sealed class DiscountsAdminTests
{
    private static Task<HttpResponseMessage> CreateAsync(HttpClient admin, params (string Name, string Value)[] values) =>
        admin.SubmitFormAsync("/admin/discounts/new", "form.discount-form", values.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public async Task An_admin_creates_a_code_stored_in_upper_case_edits_it_and_deactivates_it()
    {
        await using var site = TestSite.Start();
        using var admin = await site.AdminAsync();

        using var created = await CreateAsync(admin, ("Code", " spring-25 "), ("Kind", "Percent"), ("Percent", "25"), ("AppliesTo", "Renewals"), ("ValidUntil", "2030-03-31"), ("MaxRedemptions", "100"), ("MaxPerCustomer", "1"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await admin.GetDocumentAsync("/admin/discounts");
        var row = list.QuerySelector("tr[data-discount='SPRING-25']")!;
        Assert.Contains("25% off", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Renewals", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("0 of 100", row.QuerySelector(".redeemed")!.TextContent.Trim());
        var discount = await DiscountArrange.LoadAsync(site, "SPRING-25");
        Assert.Equal((DiscountKind.Percent, 25, DiscountAppliesTo.Renewals, new DateOnly(2030, 3, 31), 1, true), (discount.Kind, discount.Percent, discount.AppliesTo, discount.ValidUntil!.Value, discount.MaxPerCustomer, discount.IsActive));

        using var edited = await admin.SubmitFormAsync($"/admin/discounts/{discount.Id}", "form.discount-form", new Dictionary<string, string> { ["Kind"] = "Amount", ["Amount"] = "7.50", ["Percent"] = string.Empty });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        discount = await DiscountArrange.LoadAsync(site, "SPRING-25");
        Assert.Equal((DiscountKind.Amount, 0, 7.50m), (discount.Kind, discount.Percent, discount.Amount));

        var page = await admin.GetDocumentAsync("/admin/discounts");
        using var deactivated = await admin.SubmitFormAsync(page, "tr[data-discount='SPRING-25'] form.deactivate-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.False((await DiscountArrange.LoadAsync(site, "SPRING-25")).IsActive);
    }

    [Theory]
    [InlineData("Code", "", "Percent", "10", "Code", "Enter the code customers type in the cart.")]
    [InlineData("Code", "no spaces", "Percent", "10", "Code", "The code must be 3 to 32 letters A-Z, digits, - or _, starting with a letter or digit.")]
    [InlineData("Code", "welcome10", "Percent", "10", "Code", "The code WELCOME10 already exists (codes are the same in upper and lower case).")]
    [InlineData("Code", "BIG", "Percent", "101", "Percent", "Enter a whole percent from 1 to 100.")]
    [InlineData("Code", "ZERO", "Percent", "0", "Percent", "Enter a whole percent from 1 to 100.")]
    [InlineData("Code", "NONE", "Percent", "", "Percent", "Enter a whole percent from 1 to 100.")]
    [InlineData("Code", "CENTS", "Amount", "9.999", "Amount", "Use at most two decimals after the point (for thousands, use commas: 1,000.00).")]
    [InlineData("Code", "NOAMOUNT", "Amount", "0", "Amount", "Enter an amount above 0 and at most 1,000,000.00 USD.")]
    public async Task Bad_input_is_shown_next_to_the_field_and_nothing_is_saved(string codeField, string code, string kind, string value, string field, string message)
    {
        await using var site = TestSite.Start();
        using var admin = await site.AdminAsync();

        using var response = await CreateAsync(admin, (codeField, code), ("Kind", kind), (kind, value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, Html.FieldError(await Html.ParseAsync(response), field));
        Assert.Equal(["WELCOME10"], await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Discounts.Select(d => d.Code).ToListAsync()));
    }

    [Fact]
    public async Task The_end_cannot_be_before_the_start_and_the_maximum_not_below_what_is_redeemed()
    {
        await using var site = TestSite.Start();
        using var admin = await site.AdminAsync();

        using var dates = await CreateAsync(admin, ("Code", "DATES"), ("Percent", "5"), ("ValidFrom", "2030-05-02"), ("ValidUntil", "2030-05-01"));
        using var negative = await CreateAsync(admin, ("Code", "LIMITS"), ("Percent", "5"), ("MaxRedemptions", "-1"), ("MaxPerCustomer", "abc"));

        Assert.Equal("The last valid day cannot be before the first.", Html.FieldError(await Html.ParseAsync(dates), "ValidUntil"));
        var limits = await Html.ParseAsync(negative);
        Assert.NotEmpty(Html.FieldError(limits, "MaxPerCustomer"));
        Assert.Equal("Enter 0 (unlimited) or a number up to 1,000,000.", Html.FieldError(limits, "MaxRedemptions"));
        Assert.Equal("LIMITS", limits.QuerySelector("input[name='Code']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_code_limited_to_a_product_keeps_its_choice_and_the_list_pages()
    {
        await using var site = TestSite.Start();
        await DiscountArrange.AddAsync(site, Enumerable.Range(1, 25).Select(i => DiscountArrange.Percent($"PAGE{i:00}", 5)).ToArray());
        await DiscountArrange.AddAsync(site, DiscountArrange.Percent("ONLYONE", 5, """, "products": ["backup-guard"]"""));
        using var admin = await site.AdminAsync();

        var first = await admin.GetDocumentAsync("/admin/discounts");
        var second = await admin.GetDocumentAsync("/admin/discounts?page=2");
        var discount = await DiscountArrange.LoadAsync(site, "ONLYONE");
        var edit = await admin.GetDocumentAsync($"/admin/discounts/{discount.Id}");

        Assert.Equal(20, first.QuerySelectorAll("tr[data-discount]").Length);
        Assert.Equal(7, second.QuerySelectorAll("tr[data-discount]").Length);
        var chosen = Assert.Single(edit.QuerySelectorAll("input[name='ProductIds'][checked]"));
        Assert.Equal(discount.Products.Single().ProductId.ToString(System.Globalization.CultureInfo.InvariantCulture), chosen.GetAttribute("value"));
    }

    private static void Tick(IDocument form, string name, int value, bool ticked = true) =>
        ((IHtmlInputElement)form.QuerySelector($"input[name='{name}'][value='{value.ToString(CultureInfo.InvariantCulture)}']")!).IsChecked = ticked;

    private static List<string> Ticked(IDocument page, string name) =>
        [.. page.QuerySelectorAll($"input[name='{name}'][checked]").Select(i => i.GetAttribute("value")!)];

    [Fact]
    public async Task An_admin_limits_a_code_to_a_product_and_to_plans_picked_by_product_and_sees_the_choice_on_the_list_and_edit_pages()
    {
        await using var site = TestSite.Start();
        using var admin = await site.AdminAsync();
        var backup = await DiscountArrange.ProductIdAsync(site, "backup-guard");
        var agency = await DiscountArrange.PlanIdAsync(site, "site-builder-pro", "Agency (5 sites)");
        var single = await DiscountArrange.PlanIdAsync(site, "site-builder-pro", "Single site");
        var form = await admin.GetDocumentAsync("/admin/discounts/new");
        var groups = form.QuerySelectorAll(".plan-picker fieldset.plan-group");
        Assert.Equal(["Backup Guard", "Site Builder Pro"], groups.Select(g => g.QuerySelector("legend")!.TextContent.Trim()));
        Assert.Equal(["Single site", "Agency (5 sites)"], groups[1].QuerySelectorAll("label.choice").Select(l => l.TextContent.Trim()));

        Tick(form, "ProductIds", backup);
        Tick(form, "PlanIds", agency);
        using var created = await admin.SubmitFormAsync(form, "form.discount-form", new Dictionary<string, string> { ["Code"] = "MIXED", ["Percent"] = "10" });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var discount = await DiscountArrange.LoadAsync(site, "MIXED");
        Assert.Equal([backup], discount.Products.Select(p => p.ProductId));
        Assert.Equal([agency], discount.Plans.Select(p => p.PlanId));
        var list = await admin.GetDocumentAsync("/admin/discounts");
        Assert.Equal("Backup Guard; Site Builder Pro: Agency (5 sites)", list.QuerySelector("tr[data-discount='MIXED'] .scope")!.TextContent.Trim());
        Assert.Equal("Every product", list.QuerySelector("tr[data-discount='WELCOME10'] .scope")!.TextContent.Trim());
        var edit = await admin.GetDocumentAsync($"/admin/discounts/{discount.Id}");
        Assert.Equal([agency.ToString(CultureInfo.InvariantCulture)], Ticked(edit, "PlanIds"));
        Assert.Equal([backup.ToString(CultureInfo.InvariantCulture)], Ticked(edit, "ProductIds"));

        Tick(edit, "PlanIds", agency, ticked: false);
        Tick(edit, "PlanIds", single);
        Tick(edit, "ProductIds", backup, ticked: false);
        using var edited = await admin.SubmitFormAsync(edit, "form.discount-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        discount = await DiscountArrange.LoadAsync(site, "MIXED");
        Assert.Empty(discount.Products);
        Assert.Equal([single], discount.Plans.Select(p => p.PlanId));
        Assert.Equal("Site Builder Pro: Single site", (await admin.GetDocumentAsync("/admin/discounts")).QuerySelector("tr[data-discount='MIXED'] .scope")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("999999", "One of the chosen plans does not exist any more.")]
    [InlineData("abc", "The value 'abc' is not valid")]
    public async Task A_bad_plan_id_is_shown_next_to_the_plans_and_nothing_is_saved(string planId, string message)
    {
        await using var site = TestSite.Start();
        using var admin = await site.AdminAsync();

        using var response = await CreateAsync(admin, ("Code", "BADPLAN"), ("Percent", "10"), ("PlanIds", planId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith(message, Html.FieldError(page, "PlanIds"), StringComparison.Ordinal);
        Assert.Equal("BADPLAN", page.QuerySelector("input[name='Code']")!.GetAttribute("value"));
        Assert.NotEmpty(page.QuerySelectorAll(".plan-picker input[name='PlanIds']"));
        Assert.Equal(["WELCOME10"], await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Discounts.Select(d => d.Code).ToListAsync()));
    }

    [Fact]
    public async Task Customers_and_visitors_cannot_reach_the_discounts_admin_and_the_menu_lists_it_for_admins()
    {
        await using var site = TestSite.Start();
        using var customer = await site.RegisterCustomerAsync("nodiscount@example.com");
        using var admin = await site.AdminAsync();

        using var asCustomer = await customer.GetAsync("/admin/discounts");
        using var anonymous = await site.CreateClient().GetAsync("/admin/discounts/new");
        var dashboard = await admin.GetDocumentAsync("/admin");

        Assert.Equal(HttpStatusCode.Forbidden, asCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains(dashboard.QuerySelectorAll("a[href='/admin/discounts']"), a => a.TextContent.Trim() == "Discounts");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/discounts/99999")).StatusCode);
    }
}
