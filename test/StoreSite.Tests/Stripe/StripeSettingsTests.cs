using System.Net;
using CP.Payments.Stripe.Controllers;
using CP.Payments.Stripe.Settings;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Settings;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Stripe;

/// <summary>Admin -> Payments -> Stripe: the keys are set and replaced but never shown back; Test connection asks Stripe.</summary>
public sealed class StripeSettingsTests : IAsyncLifetime
{
    private const string Page = "/admin/payments/stripe";
    private const string Form = "form.stripe-settings-form";
    private const string NewSecretKey = "sk_test_replacement00000000000";

    private StripeApiStandIn _stripe = null!;

    public async Task InitializeAsync() => _stripe = await StripeApiStandIn.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    private static Task<StripeSettings> StoredAsync(TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<ISiteSettingsStore>().GetAsync<StripeSettings>(StripeSettings.Section, CancellationToken.None));

    [Fact]
    public async Task The_page_says_which_keys_are_set_and_never_shows_a_secret()
    {
        await using var site = StripeStore.Start(_stripe, chooseStripe: false);
        var admin = await site.AdminAsync();

        using var response = await admin.GetAsync(Page);
        var html = await response.Content.ReadAsStringAsync();
        var page = await admin.GetDocumentAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(StripeApiStandIn.SecretKey, html, StringComparison.Ordinal);
        Assert.DoesNotContain(StripeWebhooks.Secret, html, StringComparison.Ordinal);
        Assert.StartsWith("set.", page.Text(".secret-key-state"), StringComparison.Ordinal);
        Assert.StartsWith("set.", page.Text(".webhook-secret-state"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, page.QuerySelector("input[name='SecretKey']")!.GetAttribute("value"));
        Assert.Equal(string.Empty, page.QuerySelector("input[name='WebhookSecret']")!.GetAttribute("value"));
        Assert.EndsWith("/payments/stripe/webhook", page.Text(".stripe-webhook-url"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_are_stored_protected_and_a_new_secret_key_replaces_the_old_one()
    {
        await using var site = StripeStore.Start(_stripe, chooseStripe: false);
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync(Page, Form, new Dictionary<string, string> { ["SecretKey"] = NewSecretKey });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(site);
        Assert.DoesNotContain("sk_test", stored.ProtectedSecretKey, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", stored.ProtectedWebhookSecret, StringComparison.Ordinal);
        var keys = await site.InScopeAsync(sp => sp.GetRequiredService<StripeSettingsStore>().GetKeysAsync(CancellationToken.None));
        Assert.Equal((NewSecretKey, StripeWebhooks.Secret), (keys.SecretKey, keys.WebhookSecret));
        var page = await admin.GetDocumentAsync(Page);
        Assert.Equal(StripeSettingsMessages.Saved, page.Text(".notice-success"));
    }

    [Fact]
    public async Task An_empty_field_keeps_the_stored_secret_and_clearing_removes_it()
    {
        await using var site = StripeStore.Start(_stripe, chooseStripe: false);
        var admin = await site.AdminAsync();

        (await admin.SubmitFormAsync(Page, Form, new Dictionary<string, string> { ["SecretKey"] = string.Empty, ["ClearWebhookSecret"] = "true" })).Dispose();

        var keys = await site.InScopeAsync(sp => sp.GetRequiredService<StripeSettingsStore>().GetKeysAsync(CancellationToken.None));
        Assert.Equal((StripeApiStandIn.SecretKey, (string?)null), (keys.SecretKey, keys.WebhookSecret));
        var page = await admin.GetDocumentAsync(Page);
        Assert.StartsWith("not set", page.Text(".webhook-secret-state"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SecretKey", "pk_test_wrongkind000000000")]
    [InlineData("SecretKey", "sk_test_<script>alert(1)</script>")]
    [InlineData("PublishableKey", "sk_test_notpublishable0000")]
    [InlineData("WebhookSecret", "not-a-webhook-signing-secret")]
    [InlineData("WebhookSecret", "whsec_\u202Eabcdefgh")]
    public async Task A_key_of_the_wrong_shape_is_refused_next_to_its_field_and_nothing_changes(string field, string value)
    {
        await using var site = StripeStore.Start(_stripe, chooseStripe: false);
        var admin = await site.AdminAsync();
        var before = await StoredAsync(site);

        using var response = await admin.SubmitFormAsync(Page, Form, new Dictionary<string, string> { [field] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotEqual(string.Empty, Html.FieldError(page, field));
        Assert.DoesNotContain(value, page.QuerySelector(Form)!.OuterHtml, StringComparison.Ordinal);
        var after = await StoredAsync(site);
        Assert.Equal((before.ProtectedSecretKey, before.PublishableKey, before.ProtectedWebhookSecret), (after.ProtectedSecretKey, after.PublishableKey, after.ProtectedWebhookSecret));
    }

    [Theory]
    [InlineData("SecretKey")]
    [InlineData("PublishableKey")]
    [InlineData("WebhookSecret")]
    public async Task A_megabyte_in_a_field_is_answered_with_the_form_not_an_error(string field)
    {
        await using var site = StripeStore.Start(_stripe, chooseStripe: false);
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync(Page, Form, new Dictionary<string, string> { [field] = "sk_" + new string('a', 1024 * 1024) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StripeSettingsMessages.TooLong, Html.FieldError(await Html.ParseAsync(response), field));
    }

    [Fact]
    public async Task Control_characters_in_a_secret_are_answered_4xx_or_with_the_form_and_change_nothing()
    {
        await using var site = StripeStore.Start(_stripe, chooseStripe: false);
        var admin = await site.AdminAsync();
        var before = await StoredAsync(site);

        using var response = await admin.SubmitFormAsync(Page, Form, new Dictionary<string, string> { ["WebhookSecret"] = "whsec_\u0000\u0001abcdefgh" });

        Assert.InRange((int)response.StatusCode, 200, 499);
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before.ProtectedWebhookSecret, (await StoredAsync(site)).ProtectedWebhookSecret);
    }

    [Fact]
    public async Task Test_connection_reports_the_account_stripe_answers_for_the_key()
    {
        await using var site = StripeStore.Start(_stripe, chooseStripe: false);
        var admin = await site.AdminAsync();

        using var response = await admin.SubmitFormAsync(Page, "form.stripe-test-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetDocumentAsync(Page);
        Assert.Equal(StripeSettingsMessages.Connected(StripeApiStandIn.AccountId), page.Text(".notice-success"));
        var call = Assert.Single(_stripe.RequestsTo("GET", "/v1/account"));
        Assert.Equal("Bearer " + StripeApiStandIn.SecretKey, call.Authorization);
    }

    [Fact]
    public async Task Test_connection_reports_stripe_s_error_for_a_wrong_key()
    {
        await using var site = StripeStore.Start(_stripe, chooseStripe: false);
        var admin = await site.AdminAsync();
        (await admin.SubmitFormAsync(Page, Form, new Dictionary<string, string> { ["SecretKey"] = NewSecretKey })).Dispose();

        (await admin.SubmitFormAsync(Page, "form.stripe-test-form", new Dictionary<string, string>())).Dispose();

        var page = await admin.GetDocumentAsync(Page);
        Assert.Equal("Stripe did not accept the connection: Invalid API Key provided: sk_test_****", page.Text(".notice-error"));
    }

    [Fact]
    public async Task A_key_from_configuration_wins_over_the_stored_one_and_the_page_says_so()
    {
        await using var site = StripeStore.Start(_stripe, chooseStripe: false, configure: o => o.Settings["StoreSite:Stripe:SecretKey"] = NewSecretKey);
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync(Page);

        Assert.StartsWith(StripeSettingsMessages.Source(StripeKeySource.Configuration), page.Text(".secret-key-state"), StringComparison.Ordinal);
        var keys = await site.InScopeAsync(sp => sp.GetRequiredService<StripeSettingsStore>().GetKeysAsync(CancellationToken.None));
        Assert.Equal(NewSecretKey, keys.SecretKey);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        await using var site = StripeStore.Start(_stripe, chooseStripe: false);
        var admin = await site.AdminAsync();
        var before = await StoredAsync(site);

        using var response = await admin.PostAsync(Page, new FormUrlEncodedContent([new("SecretKey", NewSecretKey)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before.ProtectedSecretKey, (await StoredAsync(site)).ProtectedSecretKey);
    }

    [Fact]
    public async Task A_customer_cannot_open_or_post_the_page()
    {
        await using var site = StripeStore.Start(_stripe, chooseStripe: false);
        var customer = await site.RegisterCustomerAsync("nosy@example.com");

        using var get = await customer.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
    }

    [Fact]
    public async Task Admin_payments_offers_stripe_and_links_to_its_settings_when_the_module_is_on()
    {
        await using var site = StripeStore.Start(_stripe, chooseStripe: false);
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin/payments");

        Assert.NotNull(page.QuerySelector("form.payments-form input[name='PaymentProvider'][value='stripe']"));
        Assert.Equal(Page, page.QuerySelector(".payment-provider-settings a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_page_answers_404_while_the_module_is_off()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var get = await admin.GetAsync(Page);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }
}
