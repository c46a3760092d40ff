using System.Net;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Hostile;

/// <summary>
/// Hostile values that are legitimately stored (outside the corpus, where nothing may change):
/// markup shows as text, and a look-alike domain is its own environment in punycode.
/// </summary>
public sealed class StoredHostileValuesTests
{
    private const string Markup = "<script>alert('x')</script><img src=x onerror=alert(1)><b>Bold</b>";

    [Fact]
    public async Task Markup_saved_through_admin_forms_renders_as_text_on_the_storefront()
    {
        await using var site = TestSite.Start();
        using var admin = await site.AdminAsync();
        using (var saved = await admin.SubmitFormAsync("/admin/settings", "form[action='/admin/settings']", new Dictionary<string, string> { ["SiteName"] = "Shop <b>of</b> <script>alert(1)</script>" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        string product;
        using (var created = await admin.SubmitFormAsync("/admin/products/new", "form.product-form", new Dictionary<string, string>
        {
            ["Name"] = Markup,
            ["Slug"] = "markup",
            ["Description"] = Markup + "\n\n[click](javascript:alert(1)) <a href=\"javascript:alert(2)\">here</a>",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            product = created.Headers.Location!.OriginalString;
        }

        using (var plan = await admin.SubmitFormAsync($"{product}/plans/new", "form.plan-form", new Dictionary<string, string> { ["Name"] = Markup, ["Price"] = "5" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);
        }

        using var visitor = site.CreateClient();
        var page = await visitor.GetDocumentAsync("/products/markup");

        Assert.Equal(Markup, page.QuerySelector("h1")!.TextContent);
        Assert.Equal(Markup, page.QuerySelector("section.plan h3")!.TextContent);
        Assert.Equal("Shop <b>of</b> <script>alert(1)</script>", page.QuerySelector(".brand")!.TextContent);
        Assert.All(page.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src"), script.OuterHtml));
        Assert.Empty(page.QuerySelectorAll("[onerror], b"));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_Cyrillic_look_alike_of_a_known_domain_is_a_new_environment_stored_in_punycode()
    {
        await using var site = await LicensingSite.StartAsync();
        await LicensingArrange.RunRecipeAsync(site, LicensingArrange.SettingsStep());
        var key = LicensingArrange.SignedKey();
        await LicensingArrange.RunRecipeAsync(site, LicensingArrange.LicensesStep(LicensingArrange.License(key, max: 2, activations: ("apple.com", "203.0.113.1"))));
        using var client = site.CreateClient();

        using var lookAlike = await LicensingArrange.VerifyAsync(client, key, "\u0430pple.com", from: "198.51.100.2");

        var body = await LicensingArrange.AssertValidAsync(lookAlike);
        Assert.Equal(2, body.GetProperty("activations").GetProperty("used").GetInt32());
        var license = await LicensingArrange.LoadAsync(site, key);
        Assert.Equal(["apple.com", "xn--pple-43d.com"], license.Activations.Select(a => a.Domain).Order().ToArray());
    }
}
