using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using StoreSite.Web.Data;

namespace StoreSite.Tests.Host;

/// <summary>
/// Every place that takes an email refuses, naming the field, the addresses the mailer (MimeKit)
/// cannot parse or would read as another address; plain addresses still pass.
/// </summary>
public sealed class EmailEntryPointTests
{
    /// <summary>Accepted by the old check (or by .NET's [EmailAddress]); MimeKit refuses them or reads another address.</summary>
    public static readonly string[] Unsendable =
    [
        "<script>alert(1)</script>@x.co",
        "a b@x.co",
        "\"a\"@x.co",
        "\"a b\"@x.co",
        "a(comment)@x.co",
        "Name <a@x.co>",
        "a@x.co (Name)",
        "üser@x.co",
        "a@[192.0.2.1]",
    ];

    private static async Task<int> AccountCountAsync(TestSite site) =>
        await site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<UserManager<StoreUser>>().Users.Count()));

    [Fact]
    public async Task Registration_refuses_unsendable_addresses_next_to_the_email_and_creates_no_account()
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:SignIn:PermitPerMinute"] = "1000");
        var accounts = await AccountCountAsync(site);

        foreach (var email in Unsendable)
        {
            using var response = await site.CreateClient().SubmitFormAsync("/account/register", "form[action='/account/register']", new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = TestSite.CustomerPassword,
                ["ConfirmPassword"] = TestSite.CustomerPassword,
            });

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email}: {(int)response.StatusCode}");
            Assert.Equal("Enter a valid email address.", Html.FieldError(await Html.ParseAsync(response), "Email"));
        }

        Assert.Equal(accounts, await AccountCountAsync(site));
    }

    [Theory]
    [InlineData("first.last+orders@mail.example.com")]
    [InlineData("o'brien@shop.example.co.uk")]
    [InlineData("kunde@bücher.example")]
    [InlineData("kunde@xn--bcher-kva.example")]
    public async Task Registration_accepts_plain_addresses_and_their_reset_mail_is_sent(string email)
    {
        await using var site = TestSite.Start();

        await site.RegisterCustomerAsync(email);
        using var forgot = await site.CreateClient().SubmitFormAsync("/account/forgot-password", "form[action='/account/forgot-password']", new Dictionary<string, string> { ["Email"] = email });
        await site.PasswordResetsHandledAsync();

        var mail = Assert.Single(MailPickup.All(site.MailFolder));
        var to = Assert.Single(mail.To.Mailboxes);
        Assert.Contains(email, new[] { to.Address, to.GetAddress(idnEncode: true) });
    }

    [Fact]
    public async Task The_users_page_refuses_unsendable_addresses_next_to_the_email()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var accounts = await AccountCountAsync(site);

        foreach (var email in Unsendable)
        {
            using var response = await admin.SubmitFormAsync("/admin/users/create", "form[action='/admin/users/create']", new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = TestSite.CustomerPassword,
            });

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email}: {(int)response.StatusCode}");
            Assert.Equal("Enter a valid email address.", Html.FieldError(await Html.ParseAsync(response), "Email"));
        }

        Assert.Equal(accounts, await AccountCountAsync(site));
    }

    [Fact]
    public async Task The_users_recipe_step_refuses_unsendable_addresses_naming_the_field()
    {
        await using var site = TestSite.Start();

        foreach (var email in Unsendable)
        {
            var result = await LicensingArrange.TryRecipeAsync(site, LicensingArrange.UsersStep("fine@example.com", email));

            Assert.False(result.Succeeded, email);
            Assert.Contains("field 'Users[1].email'", result.Error, StringComparison.Ordinal);
            Assert.Contains("is not a valid email address", result.Error, StringComparison.Ordinal);
        }

        Assert.Equal(1, await AccountCountAsync(site));
    }

    [Fact]
    public async Task Setup_refuses_an_unsendable_admin_address_next_to_the_field()
    {
        await using var site = TestSite.Start(o => o.Recipe = null);

        foreach (var email in Unsendable)
        {
            using var response = await site.CreateClient().SubmitFormAsync("/setup", "form[action='/setup']", new Dictionary<string, string>
            {
                ["SiteName"] = "Acme Plugins",
                ["Recipe"] = "store",
                ["DatabaseProvider"] = "Sqlite",
                ["AdminEmail"] = email,
                ["AdminPassword"] = "Owner-Passw0rd",
                ["ConfirmPassword"] = "Owner-Passw0rd",
            });

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email}: {(int)response.StatusCode}");
            Assert.Contains("valid email address", Html.FieldError(await Html.ParseAsync(response), "AdminEmail"), StringComparison.Ordinal);
        }

        using var home = await site.CreateClient().GetAsync("/");
        Assert.Equal("/setup", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_licenses_recipe_step_refuses_an_unsendable_customer_email_naming_the_field()
    {
        await using var site = await LicensingSite.StartAsync();

        foreach (var email in Unsendable)
        {
            var result = await LicensingArrange.TryRecipeAsync(site, LicensingArrange.SettingsStep(), LicensingArrange.LicensesStep(LicensingArrange.License(), LicensingArrange.License(email: email)));

            Assert.False(result.Succeeded, email);
            Assert.Contains("field 'licenses[1].customerEmail'", result.Error, StringComparison.Ordinal);
            Assert.Contains("is not a valid email address", result.Error, StringComparison.Ordinal);
        }

        Assert.Empty(await LicensingArrange.AllAsync(site));
    }

    [Fact]
    public async Task License_generation_refuses_an_unsendable_customer_email_next_to_the_field()
    {
        await using var site = await LicensingSite.StartAsync();
        var admin = await site.AdminAsync();

        foreach (var email in Unsendable)
        {
            using var response = await admin.SubmitFormAsync("/admin/licenses/generate", "form.generate-form", new Dictionary<string, string>
            {
                ["CustomerEmail"] = email,
                ["ProductName"] = "Gallery Pro",
            });

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email}: {(int)response.StatusCode}");
            Assert.Equal("Enter a valid email address.", Html.FieldError(await Html.ParseAsync(response), "CustomerEmail"));
        }

        Assert.Empty(await LicensingArrange.AllAsync(site));
    }
}
