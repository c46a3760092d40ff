using System.Net;
using CP.Commerce.Data;
using CP.Commerce.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

public sealed class ProductsAdminTests
{
    private static async Task<HttpResponseMessage> CreateProductAsync(HttpClient admin, string name, string slug = "", string description = "")
    {
        return await admin.SubmitFormAsync("/admin/products/new", "form.product-form", new Dictionary<string, string>
        {
            ["Name"] = name,
            ["Slug"] = slug,
            ["Description"] = description,
        });
    }

    [Fact]
    public async Task Creating_a_product_makes_its_slug_from_the_name_and_a_plan_makes_it_sellable()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var created = await CreateProductAsync(admin, "Form Wizard Ünicode!", description: "Builds **forms**.");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;
        using var plan = await admin.SubmitFormAsync($"{editUrl}/plans/new", "form.plan-form", new Dictionary<string, string> { ["Name"] = "Yearly", ["Price"] = "29.90" });
        Assert.Equal(editUrl, plan.Headers.Location?.OriginalString);

        var edit = await admin.GetDocumentAsync(editUrl);
        Assert.Equal("form-wizard-unicode", edit.QuerySelector("input[name='Slug']")?.GetAttribute("value"));
        Assert.Equal("29.90", edit.Text("table.plans td.number"));
        var page = await site.CreateClient().GetDocumentAsync("/products/form-wizard-unicode");
        Assert.Equal("29.90 USD", page.Text("section.plan .price"));
        Assert.Equal("forms", page.Text(".product-description strong"));

        using var second = await CreateProductAsync(admin, "Form Wizard Unicode");
        var secondEdit = await admin.GetDocumentAsync(second.Headers.Location!.OriginalString);
        Assert.Equal("form-wizard-unicode-2", secondEdit.QuerySelector("input[name='Slug']")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("", "Bad Slug!", "Name", "Enter the product name.")]
    [InlineData("Thing", "Bad Slug!", "Slug", "Use lower-case letters, digits and single hyphens (e.g. site-builder-pro), at most 100 characters.")]
    [InlineData("Thing", "site-builder-pro", "Slug", "Another product already uses this slug.")]
    public async Task Bad_product_input_is_shown_next_to_the_field(string name, string slug, string field, string message)
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var response = await CreateProductAsync(admin, name, slug);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, Html.FieldError(await Html.ParseAsync(response), field));
        Assert.Equal(2, await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.CountAsync()));
    }

    [Fact]
    public async Task A_summary_is_saved_on_one_line_and_shown_on_the_card_the_page_and_the_home_page()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var created = await admin.SubmitFormAsync("/admin/products/new", "form.product-form", new Dictionary<string, string>
        {
            ["Name"] = "Aardvark Forms",
            ["Summary"] = "  Forms that\r\n  <b>sell</b>.  ",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;
        using var plan = await admin.SubmitFormAsync($"{editUrl}/plans/new", "form.plan-form", new Dictionary<string, string> { ["Name"] = "Yearly", ["Price"] = "29.90" });

        var edit = await admin.GetDocumentAsync(editUrl);
        Assert.Equal("Forms that <b>sell</b>.", edit.QuerySelector("textarea[name='Summary']")?.TextContent);
        var anonymous = site.CreateClient();
        var page = await anonymous.GetDocumentAsync("/products/aardvark-forms");
        Assert.Equal("Forms that <b>sell</b>.", page.Text(".product .product-summary"));
        Assert.Null(page.QuerySelector(".product-summary b"));
        var catalog = await anonymous.GetDocumentAsync("/products");
        Assert.Equal("Forms that <b>sell</b>.", catalog.QuerySelector("article.product-card")?.QuerySelector(".product-summary")?.TextContent);
        var home = await anonymous.GetDocumentAsync("/");
        var cards = home.QuerySelectorAll(".home-products article.product-card").Select(c => c.QuerySelector("h2")?.TextContent.Trim()).ToList();
        Assert.Equal(["Aardvark Forms", "Backup Guard", "Site Builder Pro"], cards);
        Assert.Equal("From 29.90 USD", home.QuerySelector(".home-products article.product-card p:last-child")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_summary_longer_than_300_characters_gets_a_message_naming_the_field()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/products/new", "form.product-form", new Dictionary<string, string> { ["Name"] = "Long", ["Summary"] = new string('s', 301) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The summary must be at most 300 characters.", Html.FieldError(await Html.ParseAsync(response), "Summary"));
    }

    [Fact]
    public async Task A_hostile_one_megabyte_name_gets_a_message()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var response = await CreateProductAsync(admin, new string('a', 1_000_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The name must be at most 200 characters.", Html.FieldError(await Html.ParseAsync(response), "Name"));
    }

    [Fact]
    public async Task Editing_and_archiving_a_product_takes_it_off_the_store_but_keeps_it_in_the_admin()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var productId = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.Where(p => p.Slug == "backup-guard").Select(p => p.Id).SingleAsync());

        using var saved = await admin.SubmitFormAsync($"/admin/products/{productId}", "form.product-form", new Dictionary<string, string> { ["Name"] = "Backup Guard 2", ["Slug"] = "backup-guard-2" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var store = site.CreateClient();
        Assert.Equal("Backup Guard 2", (await store.GetDocumentAsync("/products/backup-guard-2")).Text("h1"));

        using var archived = await admin.SubmitFormAsync($"/admin/products/{productId}", "form[action$='/archive']", new Dictionary<string, string>());

        using var page = await store.GetAsync("/products/backup-guard-2");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var catalog = await store.GetDocumentAsync("/products");
        Assert.DoesNotContain(catalog.QuerySelectorAll(".product-card h2"), h => h.TextContent.Contains("Backup", StringComparison.Ordinal));
        var list = await admin.GetDocumentAsync("/admin/products?q=backup");
        Assert.Equal("Archived", list.Text($"tr[data-product-id='{productId}'] .badge"));

        (await admin.SubmitFormAsync($"/admin/products/{productId}", "form[action$='/restore']", new Dictionary<string, string>())).Dispose();
        using var restored = await store.GetAsync("/products/backup-guard-2");
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
    }

    [Fact]
    public async Task Products_list_searches_by_name_or_slug_and_pages()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CommerceDbContext>();
            for (var i = 1; i <= 25; i++)
            {
                db.Products.Add(new CP.Commerce.Models.Product { Name = $"Widget {i:D2}", Slug = $"widget-{i:D2}" });
            }

            await db.SaveChangesAsync();
        });

        var first = await admin.GetDocumentAsync("/admin/products?q=WIDGET");
        var second = await admin.GetDocumentAsync(first.QuerySelector(".pager a[rel='next']")!.GetAttribute("href")!);
        var bySlug = await admin.GetDocumentAsync("/admin/products?q=widget-07");
        var absurd = await admin.GetDocumentAsync($"/admin/products?q={new string('x', 5000)}&page=-1");

        Assert.Equal(20, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(5, second.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("Widget 07", bySlug.Text("tbody tr a"));
        Assert.Equal(20, absurd.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task The_plan_editor_binds_and_saves_each_extension_section_under_its_prefix()
    {
        var seats = new TestPlanExtension();
        await using var site = TestSite.Start(o => o.Services = s => s.AddSingleton<IPlanEditorExtension>(seats));
        var admin = await site.AdminAsync();
        var productId = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.Select(p => p.Id).FirstAsync());
        var token = Html.AntiforgeryToken(await admin.GetDocumentAsync("/admin/products/new"));

        using var response = await admin.PostAsync($"/admin/products/{productId}/plans/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Name"] = "Seated",
            ["Price"] = "5.00",
            ["IsActive"] = "true",
            ["seats.Seats"] = "42",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var planId = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Plans.Where(p => p.Name == "Seated").Select(p => p.Id).SingleAsync());
        Assert.Equal(42, seats.Saved[planId].Seats);
    }
}
