using System.Net;
using CP.Commerce.Settings;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Settings;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

/// <summary>Admin -> Payments: the provider checkout charges with.</summary>
public sealed class PaymentsAdminTests
{
    private static Task<string?> ChosenProviderAsync(TestSite site) =>
        site.InScopeAsync(async sp => (await sp.GetRequiredService<ISiteSettingsStore>().GetAsync<CommerceSettings>(CommerceSettings.Section, CancellationToken.None)).PaymentProvider);

    private static Task<HttpResponseMessage> ChooseAsync(HttpClient admin, string provider) =>
        admin.SubmitFormAsync("/admin/payments", "form.payments-form", new Dictionary<string, string> { ["PaymentProvider"] = provider });

    [Fact]
    public async Task The_admin_sees_the_test_provider_chosen_by_the_store_recipe_in_the_menu_and_on_the_page()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin/payments");

        Assert.NotNull(page.QuerySelector("nav a[href='/admin/payments']"));
        var choices = page.QuerySelectorAll("form.payments-form input[name='PaymentProvider']").Select(i => (i.GetAttribute("value"), i.HasAttribute("checked"))).ToList();
        Assert.Equal([("test", true), ("", false)], choices);
        Assert.Contains("test mode", page.Text("form.payments-form fieldset"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".payment-provider-unavailable"));
    }

    [Fact]
    public async Task Choosing_none_closes_checkout_and_choosing_the_provider_again_opens_it()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var customer = await site.RegisterCustomerAsync("closed@example.com");
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();

        using var none = await ChooseAsync(admin, string.Empty);

        Assert.Equal("/admin/payments", none.Headers.Location?.OriginalString);
        Assert.Equal("No payment provider is chosen: checkout is closed until you choose one.", (await admin.GetDocumentAsync("/admin/payments")).Text(".notice-success"));
        Assert.Null(await ChosenProviderAsync(site));
        var closed = await customer.GetDocumentAsync("/checkout");
        Assert.Contains("Payments are not set up", closed.Text(".notice-warning"), StringComparison.Ordinal);
        Assert.Null(closed.QuerySelector("form.checkout-form"));

        using var test = await ChooseAsync(admin, "test");

        Assert.Equal("Checkout now takes payments through Test payment.", (await admin.GetDocumentAsync("/admin/payments")).Text(".notice-success"));
        Assert.Equal("test", await ChosenProviderAsync(site));
        using var paid = await customer.CheckoutAsync();
        Assert.StartsWith("/checkout/done/", paid.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stripe")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("test' OR '1'='1")]
    public async Task An_unknown_provider_is_refused_next_to_the_field_and_changes_nothing(string provider)
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var response = await ChooseAsync(admin, provider);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Choose one of the payment providers listed, or None.", Html.FieldError(page, "PaymentProvider"));
        Assert.Equal("test", await ChosenProviderAsync(site));
    }

    [Fact]
    public async Task A_provider_whose_module_was_disabled_is_reported_and_checkout_stays_closed()
    {
        await using var site = TestSite.Start();
        await site.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<ISiteSettingsStore>();
            await store.SaveAsync(CommerceSettings.Section, new CommerceSettings { PaymentProvider = "retired" }, CancellationToken.None);
        });
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin/payments");

        Assert.Contains("'retired' is not available", page.Text(".payment-provider-unavailable"), StringComparison.Ordinal);
        Assert.True(page.QuerySelector("input[name='PaymentProvider'][value='']")!.HasAttribute("checked"));
    }
}
