using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using CP.Licensing.Controllers;
using CP.Licensing.Models;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>
/// Generate License (Admin -> Licenses -> Generate): product and plan from the catalog, the plan's
/// settings filled in and overridable, the customer found by email or invited, the order reference,
/// the notice mail; who may use it.
/// </summary>
public sealed class GenerateLicenseTests
{
    private const string Page = "/admin/licenses/generate";
    private const string Form = "form.generate-form";
    private const string Studio = "Theme Studio";
    private const string StudioPlan = "Studio (4 sites)";
    private const string NewCustomer = "first.time@example.com";
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Choosing_a_plan_without_script_fills_in_its_settings_and_the_key_takes_them_names_the_admin_mails_the_customer_and_verifies()
    {
        await using var site = await StartAsync();
        var admin = await site.AdminAsync();
        var planId = await PlanIdAsync(admin, StudioPlan);

        using var filled = await admin.SubmitFormAsync(Page, Form, new Dictionary<string, string> { ["CustomerEmail"] = CustomerEmail, ["PlanId"] = planId, ["Step"] = "plan" });

        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
        var page = await Html.ParseAsync(filled);
        Assert.Contains(LicenseActionMessages.PlanFilled, LicensePages.Notice(page), StringComparison.Ordinal);
        Assert.Empty(await AllAsync(site));
        Assert.Equal("2026-09-10", Value(page, "ExpiresOn"));
        Assert.Equal("4", Value(page, "MaxActivations"));
        Assert.Equal("7", Value(page, "DeactivationsPer30Days"));
        Assert.Equal(nameof(LicenseMatchRule.Domain), page.QuerySelector("select[name='MatchBy'] option[selected]")?.GetAttribute("value"));
        Assert.Equal(Studio, page.QuerySelector("select[name='ProductId'] option[selected]")?.TextContent.Trim());
        Assert.False(Checked(page, "DevelopmentSitesFree"));
        Assert.False(Checked(page, "DeactivationsAllowed"));
        Assert.True(Checked(page, "NotifyCustomer"));
        Assert.Equal(CustomerEmail, Value(page, "CustomerEmail"));

        var detail = await LicensePages.FollowAsync(admin, await admin.SubmitFormAsync(page, Form, new Dictionary<string, string>()));

        var license = Assert.Single(await AllAsync(site));
        Assert.Equal(int.Parse(planId, System.Globalization.CultureInfo.InvariantCulture), license.PlanId);
        Assert.NotNull(license.ProductId);
        Assert.Equal(Studio, license.ProductName);
        Assert.Equal(new DateOnly(2026, 9, 10), license.ExpiresOn);
        Assert.Equal(4, license.MaxActivations);
        Assert.Equal(LicenseMatchRule.Domain, license.MatchBy);
        Assert.False(license.DevelopmentSitesFree);
        Assert.False(license.DeactivationsAllowed);
        Assert.Equal(7, license.DeactivationsPer30Days);
        Assert.Contains($"Key generated for {CustomerEmail}. The key was mailed to the customer.", LicensePages.Notice(detail), StringComparison.Ordinal);
        var issued = Assert.Single(LicensePages.Rows(detail, "table.history"));
        Assert.Equal(["Issued", TestSite.AdminEmail], [issued["What"], issued["Who"]]);
        Assert.Equal($"Issued by hand (plan {StudioPlan} of {Studio}).", issued["Details"]);

        var notice = Assert.Single(MailPickup.To(site.MailFolder, CustomerEmail), m => m.Subject == $"Your license key for {Studio}");
        Assert.Contains(license.Key, notice.TextBody, StringComparison.Ordinal);
        Assert.Contains(license.Key, notice.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("4 activations, valid until 2026-09-10", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/account/licenses/{license.Id}", notice.TextBody, StringComparison.Ordinal);

        var answer = await AssertValidAsync(await VerifyAsync(site.CreateClient(), license.Key, "studio.example.com", from: "10.0.0.5"));
        Assert.Equal("2026-09-10", answer.GetProperty("expiry").GetString());
    }

    [Fact]
    public async Task The_plan_link_prefills_the_form_and_every_setting_can_be_overridden()
    {
        await using var site = await StartAsync();
        var admin = await site.AdminAsync();
        var planId = await PlanIdAsync(admin, StudioPlan);
        var page = await admin.GetDocumentAsync($"{Page}?plan={planId}");
        Assert.Equal("4", Value(page, "MaxActivations"));

        using var response = await admin.SubmitFormAsync(page, Form, new Dictionary<string, string>
        {
            ["CustomerEmail"] = CustomerEmail,
            ["ProductName"] = "Theme Studio (partner)",
            ["ExpiresOn"] = string.Empty,
            ["MaxActivations"] = "9",
            ["MatchBy"] = nameof(LicenseMatchRule.Ip),
            ["DevelopmentSitesFree"] = "true",
            ["DeactivationsAllowed"] = "true",
            ["DeactivationsPer30Days"] = "0",
            ["OrderReference"] = " PO-2026-117 ",
        });

        await LicensePages.FollowAsync(admin, response);
        var license = Assert.Single(await AllAsync(site));
        Assert.Equal(int.Parse(planId, System.Globalization.CultureInfo.InvariantCulture), license.PlanId);
        Assert.Equal("Theme Studio (partner)", license.ProductName);
        Assert.Null(license.ExpiresOn);
        Assert.Equal(9, license.MaxActivations);
        Assert.Equal(LicenseMatchRule.Ip, license.MatchBy);
        Assert.True(license.DevelopmentSitesFree);
        Assert.True(license.DeactivationsAllowed);
        Assert.Equal(0, license.DeactivationsPer30Days);
        Assert.Equal("PO-2026-117", license.OrderNumber);
        Assert.Contains("order reference PO-2026-117", (await LoadAsync(site, license.Key)).Events.Single().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_whose_plan_changed_without_filling_fills_the_plan_in_and_issues_nothing()
    {
        await using var site = await StartAsync();
        var admin = await site.AdminAsync();
        var planId = await PlanIdAsync(admin, StudioPlan);

        using var response = await admin.SubmitFormAsync(Page, Form, new Dictionary<string, string> { ["CustomerEmail"] = CustomerEmail, ["PlanId"] = planId, ["MaxActivations"] = "1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("4", Value(page, "MaxActivations"));
        Assert.Equal(planId, Value(page, "FilledFromPlanId"));
        Assert.Empty(await AllAsync(site));
    }

    [Fact]
    public async Task A_plan_less_key_for_a_catalog_product_takes_the_product_s_name_and_Verify_checks_the_product()
    {
        await using var site = await StartAsync();
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync(Page);
        var productId = page.QuerySelectorAll("select[name='ProductId'] option").Single(o => o.TextContent.Trim() == Studio).GetAttribute("value")!;

        var detail = await LicensePages.FollowAsync(admin, await admin.SubmitFormAsync(page, Form, new Dictionary<string, string> { ["CustomerEmail"] = CustomerEmail, ["ProductId"] = productId, ["MaxActivations"] = "2" }));

        var license = Assert.Single(await AllAsync(site));
        Assert.Null(license.PlanId);
        Assert.Equal(int.Parse(productId, System.Globalization.CultureInfo.InvariantCulture), license.ProductId);
        Assert.Equal(Studio, license.ProductName);
        var entry = Assert.Single(LicensePages.Rows(detail, "table.history"));
        Assert.Equal(["Issued by hand.", TestSite.AdminEmail], [entry["Details"], entry["Who"]]);
    }

    [Theory]
    [InlineData("ProductId", "999999", LicenseActionMessages.ProductUnknown)]
    [InlineData("PlanId", "999999", LicenseActionMessages.PlanUnknown)]
    [InlineData("ProductId", "abc", "The value 'abc' is not valid for Product.")]
    [InlineData("PlanId", "1 OR 1=1", "The value '1 OR 1=1' is not valid for Plan.")]
    [InlineData("CustomerEmail", "not an email", LicenseActionMessages.InvalidEmail)]
    [InlineData("CustomerEmail", "Shopper <buyer@example.com>", LicenseActionMessages.InvalidEmail)]
    [InlineData("CustomerEmail", NewCustomer, LicenseActionMessages.NoSuchCustomerOffer)]
    [InlineData("DeactivationsPer30Days", "1001", "Enter a number from 0 (unlimited) to 1000.")]
    [InlineData("DeactivationsPer30Days", "", "Enter a number from 0 (unlimited) to 1000.")]
    [InlineData("OrderReference", "x65", "The order reference must be at most 64 characters.")]
    public async Task Unknown_products_and_plans_bad_emails_and_bad_settings_are_refused_next_to_their_field(string field, string value, string message)
    {
        await using var site = await StartAsync();
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync(Page, Form, new Dictionary<string, string>
        {
            ["CustomerEmail"] = CustomerEmail,
            ["ProductName"] = "Gallery Pro",
            [field] = value == "x65" ? new string('r', 65) : value,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, Html.FieldError(await Html.ParseAsync(response), field));
        Assert.Empty(await AllAsync(site));
        Assert.Empty(MailPickup.To(site.MailFolder, NewCustomer));
    }

    [Fact]
    public async Task A_plan_of_another_product_is_refused_next_to_the_plan()
    {
        await using var site = await StartAsync();
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync(Page);
        var planId = await PlanIdAsync(admin, StudioPlan);
        var otherProduct = page.QuerySelectorAll("select[name='ProductId'] option").Single(o => o.TextContent.Trim() == "Backup Guard").GetAttribute("value")!;

        using var response = await admin.SubmitFormAsync(page, Form, new Dictionary<string, string>
        {
            ["CustomerEmail"] = CustomerEmail,
            ["ProductId"] = otherProduct,
            ["PlanId"] = planId,
            ["FilledFromPlanId"] = planId,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LicenseActionMessages.PlanOfAnotherProduct, Html.FieldError(await Html.ParseAsync(response), "PlanId"));
        Assert.Empty(await AllAsync(site));
    }

    [Fact]
    public async Task An_email_without_an_account_gets_one_with_an_invitation_when_asked_and_the_key_is_in_it()
    {
        await using var site = await StartAsync();
        var admin = await site.AdminAsync();

        var detail = await LicensePages.FollowAsync(admin, await admin.SubmitFormAsync(Page, Form, new Dictionary<string, string>
        {
            ["CustomerEmail"] = " First.Time@example.com ",
            ["CreateAccount"] = "true",
            ["ProductName"] = "Gallery Pro",
        }));

        var license = Assert.Single(await AllAsync(site));
        Assert.Equal(await LicensePages.UserIdOfAsync(site, NewCustomer), license.CustomerId);
        Assert.Equal(NewCustomer, license.CustomerEmail, ignoreCase: true);
        Assert.Contains($"An account was created for {license.CustomerEmail} and an invitation mailed.", LicensePages.Notice(detail), StringComparison.Ordinal);
        Assert.Contains("account created with an invitation", Assert.Single(LicensePages.Rows(detail, "table.history"))["Details"], StringComparison.Ordinal);
        var mails = MailPickup.To(site.MailFolder, NewCustomer);
        var invitation = Assert.Single(mails, m => true == m.Subject?.StartsWith("Your account at", StringComparison.Ordinal));
        Assert.StartsWith("/account/reset-password?email=", MailPickup.ResetLink(invitation), StringComparison.Ordinal);
        Assert.Contains("first.time%40example.com&code=", MailPickup.ResetLink(invitation), StringComparison.OrdinalIgnoreCase);
        var notice = Assert.Single(mails, m => m.Subject == "Your license key for Gallery Pro");
        Assert.Contains(license.Key, notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("An account was created for you", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unticking_the_notice_sends_the_customer_no_mail()
    {
        await using var site = await StartAsync();
        var admin = await site.AdminAsync();

        var detail = await LicensePages.FollowAsync(admin, await admin.SubmitFormAsync(Page, Form, new Dictionary<string, string>
        {
            ["CustomerEmail"] = CustomerEmail,
            ["ProductName"] = "Gallery Pro",
            ["NotifyCustomer"] = "false",
        }));

        Assert.Single(await AllAsync(site));
        Assert.Contains("No mail with the key was sent.", LicensePages.Notice(detail), StringComparison.Ordinal);
        Assert.Empty(MailPickup.To(site.MailFolder, CustomerEmail));
    }

    [Fact]
    public async Task A_customer_gets_403_an_anonymous_visitor_is_sent_to_sign_in_and_a_post_without_antiforgery_is_refused()
    {
        await using var site = await StartAsync();
        var customer = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);
        var token = Html.AntiforgeryToken(await customer.GetDocumentAsync("/account/change-password"));
        var values = LicenseSlotsTests.Form(token, ("CustomerEmail", CustomerEmail), ("ProductName", "Mine"), ("CreateAccount", "true"));
        var anonymous = site.CreateClient();
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync(Page);
        var fields = Html.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector(Form)!).Where(f => f.Key != "__RequestVerificationToken")
            .Append(new("CustomerEmail", CustomerEmail)).Append(new("ProductName", "No token"));

        using var customerGet = await customer.GetAsync(Page);
        using var customerPost = await customer.PostAsync(Page, values);
        using var anonymousGet = await anonymous.GetAsync(Page);
        using var noToken = await admin.PostAsync(Page, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Forbidden, customerGet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, customerPost.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymousGet.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=", anonymousGet.Target()?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Empty(await AllAsync(site));
    }

    [Fact]
    public async Task The_plan_picker_says_what_script_fills_in_and_hides_the_fill_button_from_script()
    {
        await using var site = await StartAsync();
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync(Page);

        var option = page.QuerySelectorAll("select[name='PlanId'][data-fill-fields] option").Single(o => o.TextContent.Trim() == StudioPlan);
        var fill = JsonNode.Parse(option.GetAttribute("data-fill")!)!.AsObject();
        Assert.Equal("4", (string?)fill["MaxActivations"]);
        Assert.Equal("2026-09-10", (string?)fill["ExpiresOn"]);
        Assert.Equal("false", (string?)fill["DeactivationsAllowed"]);
        Assert.Equal(option.GetAttribute("value"), (string?)fill["FilledFromPlanId"]);
        Assert.Equal(Studio, option.ParentElement?.GetAttribute("label"));
        Assert.NotNull(page.QuerySelector("[data-without-script] button[name='Step'][value='plan']"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    private static async Task<TestSite> StartAsync()
    {
        var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        await RunRecipeAsync(site, new JsonObject
        {
            ["name"] = "Products",
            ["products"] = new JsonArray(new JsonObject
            {
                ["name"] = Studio,
                ["slug"] = "theme-studio",
                ["active"] = true,
                ["plans"] = new JsonArray(new JsonObject
                {
                    ["name"] = StudioPlan,
                    ["price"] = 59,
                    ["active"] = true,
                    ["licensing"] = new JsonObject
                    {
                        ["issueLicense"] = true,
                        ["validity"] = new JsonObject { ["unit"] = "months", ["value"] = 6 },
                        ["maxActivations"] = 4,
                        ["matchBy"] = "Domain",
                        ["developmentSitesFree"] = false,
                        ["deactivations"] = new JsonObject { ["allowed"] = false, ["per30Days"] = 7 },
                    },
                }),
            }),
        });
        return site;
    }

    private static async Task<string> PlanIdAsync(HttpClient admin, string planName) =>
        (await admin.GetDocumentAsync(Page)).QuerySelectorAll("select[name='PlanId'] option").Single(o => o.TextContent.Trim() == planName).GetAttribute("value")!;

    private static string? Value(IDocument page, string name) =>
        page.QuerySelector($"{Form} input[name='{name}']:not([type='checkbox'])")?.GetAttribute("value");

    private static bool Checked(IDocument page, string name) =>
        page.QuerySelector($"{Form} input[type='checkbox'][name='{name}']")?.HasAttribute("checked") == true;
}
