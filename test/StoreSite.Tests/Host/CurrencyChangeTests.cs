using System.Net;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Host.SettingsAdminTests;

namespace StoreSite.Tests.Host;

/// <summary>
/// Changing the store's currency in Admin -> Settings: on a store with orders or prices it takes a
/// second step that says what changes; orders keep their currency, prices are not converted.
/// </summary>
public sealed class CurrencyChangeTests
{
    private const string Form = "form[action='/admin/settings']";

    [Fact]
    public async Task Changing_the_currency_of_a_store_with_orders_asks_for_confirmation_and_saves_nothing()
    {
        await using var site = TestSite.Start();
        await site.PaidOrderAsync("first@example.com");
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/settings", Form, new Dictionary<string, string> { ["SiteName"] = "Not Saved", ["Currency"] = "EUR" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Changing the currency from USD to EUR needs your confirmation below; nothing was saved.", Html.FieldError(page, "Currency"));
        var confirmation = page.QuerySelector(".currency-confirmation")!;
        Assert.Equal("Change the currency from USD to EUR?", confirmation.QuerySelector("h2")?.TextContent.Trim());
        Assert.Equal(
            [
                "1 existing order keeps USD: totals, refunds and mails of it stay in USD.",
                "4 plan prices are not converted: each keeps its number, now in EUR. Check the prices after the change.",
                "New carts, checkouts and orders are in EUR.",
            ],
            confirmation.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Equal("EUR", confirmation.QuerySelector("button[name='ConfirmCurrency']")?.GetAttribute("value"));
        var settings = await admin.GetDocumentAsync("/admin/settings");
        Assert.Equal("USD", Selected(settings, "Currency"));
        Assert.Equal("Test Store", settings.QuerySelector("input[name='SiteName']")?.GetAttribute("value"));
        Assert.Null(settings.QuerySelector(".currency-confirmation"));
    }

    [Fact]
    public async Task A_confirmation_for_another_currency_does_not_confirm_this_one()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/settings", Form, new Dictionary<string, string> { ["Currency"] = "EUR", ["ConfirmCurrency"] = "GBP" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Changing the currency from USD to EUR needs your confirmation below; nothing was saved.", Html.FieldError(await Html.ParseAsync(response), "Currency"));
        Assert.Equal("USD", Selected(await admin.GetDocumentAsync("/admin/settings"), "Currency"));
    }

    [Fact]
    public async Task Confirmed_the_currency_changes_for_prices_and_new_orders_while_existing_orders_keep_theirs()
    {
        await using var site = TestSite.Start();
        var (customer, number) = await site.PaidOrderAsync("first@example.com");
        var admin = await site.AdminAsync();
        using var first = await admin.SubmitFormAsync("/admin/settings", Form, new Dictionary<string, string> { ["Currency"] = "JPY" });
        var confirmation = await Html.ParseAsync(first);
        Assert.Contains("JPY has no decimals: a price with cents (such as 19.99) is shown rounded (20 JPY); enter whole prices after the change.", confirmation.Text(".currency-confirmation"), StringComparison.Ordinal);

        using var confirmed = await admin.SubmitFormAsync(confirmation, Form, new Dictionary<string, string> { ["ConfirmCurrency"] = "JPY" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("JPY", Selected(await admin.GetDocumentAsync("/admin/settings"), "Currency"));
        Assert.Contains("19.99 USD", (await customer.GetDocumentAsync($"/account/orders/{number}")).Text(".order-total"), StringComparison.Ordinal);
        Assert.Contains("19.99 USD", (await admin.GetDocumentAsync($"/admin/orders/{number}")).Text(".order-total"), StringComparison.Ordinal);
        Assert.Equal("USD", (await site.OrderAsync(number)).Currency);
        Assert.Contains("From 20 JPY", (await customer.GetDocumentAsync("/products")).Body!.TextContent, StringComparison.Ordinal);
        var (_, second) = await site.PaidOrderAsync("second@example.com");
        Assert.Equal("JPY", (await site.OrderAsync(second)).Currency);
    }

    [Fact]
    public async Task A_store_without_orders_or_prices_changes_its_currency_in_one_step()
    {
        await using var site = TestSite.Start(o => o.Recipe = "empty");
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/settings", Form, new Dictionary<string, string> { ["Currency"] = "CHF" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("CHF", Selected(await admin.GetDocumentAsync("/admin/settings"), "Currency"));
    }

    [Fact]
    public async Task Saving_other_settings_with_the_same_currency_needs_no_confirmation()
    {
        await using var site = TestSite.Start();
        await site.PaidOrderAsync("first@example.com");
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync("/admin/settings", Form, new Dictionary<string, string> { ["SiteName"] = "Renamed", ["Currency"] = "usd" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Renamed", (await admin.GetDocumentAsync("/admin/settings")).QuerySelector("input[name='SiteName']")?.GetAttribute("value"));
    }
}
