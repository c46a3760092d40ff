using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Forms;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using StoreSite.Tests.LicensingPages;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Host;

/// <summary>
/// Numbers and dates in forms are read, and written on pages, one way whatever the server's culture
/// (a test filter runs each request in that culture before the app's pipeline, as a server with
/// <c>LANG=th_TH.UTF-8</c> would): dates as YYYY-MM-DD on the Gregorian calendar only.
/// </summary>
public sealed class RequestCultureTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("03/04/2027")]
    [InlineData("04/03/2027")]
    [InlineData("10.03.2027")]
    [InlineData("2027/03/10")]
    [InlineData("March 10, 2027")]
    [InlineData("20270310")]
    [InlineData("2027-3-10")]
    [InlineData("2027-03-10T00:00")]
    [InlineData("\u0662\u0660\u0662\u0667-\u0660\u0663-\u0661\u0660")]
    public async Task Generate_takes_the_expiry_as_YYYY_MM_DD_only_and_issues_nothing_for_another_writing(string expiry)
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/licenses/generate", "form.generate-form", new Dictionary<string, string>
        {
            ["CustomerEmail"] = CustomerEmail,
            ["ProductName"] = "Gallery Pro",
            ["ExpiresOn"] = expiry,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(IsoDateModelBinder.Problem, Html.FieldError(page, "ExpiresOn"));
        Assert.Equal(expiry, page.QuerySelector("input[name='ExpiresOn']")?.GetAttribute("value"));
        Assert.Empty(await AllAsync(site));
    }

    [Theory]
    [InlineData("")]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    public async Task A_server_in_any_culture_reads_the_generate_form_and_writes_the_key_the_same_way(string culture)
    {
        await using var site = await LicensingSite.StartAsync(o =>
        {
            o.Now = Noon;
            o.Services = s => s.AddSingleton<IStartupFilter>(new RequestCultureStartupFilter(culture));
        });
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/licenses/generate", "form.generate-form", new Dictionary<string, string>
        {
            ["CustomerEmail"] = CustomerEmail,
            ["ProductName"] = "Gallery Pro",
            ["ExpiresOn"] = " 2027-03-10 ",
            ["MaxActivations"] = "1000",
        });

        var detail = await LicensePages.FollowAsync(admin, response);
        var license = Assert.Single(await AllAsync(site));
        Assert.Equal(new DateOnly(2027, 3, 10), license.ExpiresOn);
        Assert.Equal(1000, license.MaxActivations);
        var details = detail.QuerySelectorAll("dl.license-details dt").ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim());
        Assert.Equal(["2027-03-10", "1000", "2026-03-10 12:00 UTC"], [details["Expiry"], details["Max Activations"], details["Issued"]]);
        Assert.Equal("1000", detail.QuerySelector("input[name='MaxActivations']")?.GetAttribute("value"));

        using var thousands = await admin.SubmitFormAsync(detail, "form.max-activations-form", new Dictionary<string, string> { ["MaxActivations"] = "1.000" });
        Assert.Equal(HttpStatusCode.OK, thousands.StatusCode);
        Assert.Equal("The value '1.000' is not valid for Max Activations.", Html.FieldError(await Html.ParseAsync(thousands), "MaxActivations"));
        using var grouped = await admin.SubmitFormAsync(detail, "form.max-activations-form", new Dictionary<string, string> { ["MaxActivations"] = "1,500" });
        Assert.Equal("The value '1,500' is not valid for Max Activations.", Html.FieldError(await Html.ParseAsync(grouped), "MaxActivations"));
        Assert.Equal(1000, (await LoadAsync(site, license.Key)).MaxActivations);

        var list = await admin.GetDocumentAsync("/admin/licenses");
        Assert.Equal("2027-03-10", LicensePages.Rows(list).Single()["Expiry"]);
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("de-DE")]
    public async Task A_customer_sees_the_expiry_of_a_bought_key_on_the_gregorian_calendar_in_any_culture(string culture)
    {
        await using var site = TestSite.Start(o =>
        {
            o.Now = Noon;
            o.Services = s => s.AddSingleton<IStartupFilter>(new RequestCultureStartupFilter(culture));
        });

        var (customer, number) = await site.PaidOrderAsync("shopper@example.com");

        var done = await customer.GetDocumentAsync($"/checkout/done/{number}");
        var order = await customer.GetDocumentAsync($"/account/orders/{number}");
        Assert.Contains("1 activation, valid until 2027-03-10", done.Text(".license-keys"), StringComparison.Ordinal);
        Assert.Contains("1 activation, valid until 2027-03-10", order.Text(".license-keys"), StringComparison.Ordinal);
        Assert.Contains("19.99 USD", order.Text(".order-total"), StringComparison.Ordinal);
        Assert.Contains("2026-03-10 12:00 UTC", order.Text("dl.details"), StringComparison.Ordinal);
        var licenses = await customer.GetDocumentAsync("/account/licenses");
        Assert.Contains("Expires on 2027-03-10", licenses.Text("table.customer-licenses"), StringComparison.Ordinal);
        Assert.Contains("valid until 2027-03-10", site.Mails().Single(m => m.Subject?.Contains(number, StringComparison.Ordinal) == true).TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("de-DE")]
    [InlineData("")]
    public async Task Every_request_runs_in_the_invariant_culture_whatever_the_servers(string culture)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            (CultureInfo Culture, CultureInfo UiCulture)? seen = null;
            var middleware = new StoreSite.Web.Hosting.InvariantCultureMiddleware(_ =>
            {
                seen = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
                return Task.CompletedTask;
            });

            await middleware.InvokeAsync(new Microsoft.AspNetCore.Http.DefaultHttpContext());

            Assert.Equal((CultureInfo.InvariantCulture, CultureInfo.InvariantCulture), seen);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void The_test_cultures_are_real_ones_with_other_separators_and_calendars()
    {
        // Guards the tests above: with invariant globalization every culture would be the invariant one.
        Assert.Equal(",", CultureInfo.GetCultureInfo("de-DE").NumberFormat.NumberDecimalSeparator);
        Assert.IsType<ThaiBuddhistCalendar>(CultureInfo.GetCultureInfo("th-TH").DateTimeFormat.Calendar);
        Assert.Equal("2570", new DateOnly(2027, 3, 10).ToString("yyyy", CultureInfo.GetCultureInfo("th-TH")));
    }
}
