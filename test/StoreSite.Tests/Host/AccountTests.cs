using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Security;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Data;

namespace StoreSite.Tests.Host;

public sealed class AccountTests
{
    private static Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password, string? remoteAddress = null)
    {
        if (remoteAddress is not null)
        {
            client.DefaultRequestHeaders.Remove(TestRemoteAddressStartupFilter.Header);
            client.DefaultRequestHeaders.Add(TestRemoteAddressStartupFilter.Header, remoteAddress);
        }

        return client.SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
    }

    [Fact]
    public async Task Register_creates_a_customer_and_signs_them_in()
    {
        await using var site = TestSite.Start();

        var client = await site.RegisterCustomerAsync("new.customer@example.com");

        var account = await client.GetDocumentAsync("/account");
        Assert.Contains("new.customer@example.com", account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var roles = await site.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StoreUser>>();
            return await users.GetRolesAsync((await users.FindByEmailAsync("new.customer@example.com"))!);
        });
        Assert.Equal([StandardRoles.Customer], roles);
    }

    [Fact]
    public async Task Register_with_an_existing_email_says_so_next_to_the_email()
    {
        await using var site = TestSite.Start();
        await site.RegisterCustomerAsync("taken@example.com");

        using var response = await site.CreateClient().SubmitFormAsync("/account/register", "form[action='/account/register']", new Dictionary<string, string>
        {
            ["Email"] = "taken@example.com",
            ["Password"] = TestSite.CustomerPassword,
            ["ConfirmPassword"] = TestSite.CustomerPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("An account with this email already exists.", Html.FieldError(page, "Email"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_with_a_weak_password_names_the_missing_rules_next_to_the_password()
    {
        await using var site = TestSite.Start();

        using var response = await site.CreateClient().SubmitFormAsync("/account/register", "form[action='/account/register']", new Dictionary<string, string>
        {
            ["Email"] = "weak@example.com",
            ["Password"] = "alllowercase",
            ["ConfirmPassword"] = "alllowercase",
        });

        var page = await Html.ParseAsync(response);
        Assert.Contains("digit", Html.FieldError(page, "Password"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(string.Empty, Html.FieldError(page, "Email"));
    }

    [Fact]
    public async Task Sign_in_with_the_right_password_goes_to_the_local_return_url()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();

        using var response = await client.SubmitFormAsync("/account/login?ReturnUrl=%2Fadmin%2Fsettings", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = TestSite.AdminEmail,
            ["Password"] = TestSite.AdminPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/settings", response.Headers.Location?.OriginalString);
        using var settings = await client.GetAsync("/admin/settings");
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
    }

    [Fact]
    public async Task Sign_in_ignores_a_return_url_to_another_site()
    {
        await using var site = TestSite.Start();

        using var response = await site.CreateClient().SubmitFormAsync("/account/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = TestSite.AdminEmail,
            ["Password"] = TestSite.AdminPassword,
        });

        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_in_without_a_return_url_lands_an_admin_on_the_dashboard_and_a_customer_on_the_account_page()
    {
        await using var site = TestSite.Start();
        await site.RegisterCustomerAsync("lands@example.com");

        using var admin = await site.CreateClient().SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = TestSite.AdminEmail,
            ["Password"] = TestSite.AdminPassword,
        });
        using var customer = await site.CreateClient().SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = "lands@example.com",
            ["Password"] = TestSite.CustomerPassword,
        });

        Assert.Equal("/admin", admin.Headers.Location?.OriginalString);
        Assert.Equal("/account", customer.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(TestSite.AdminEmail, "Wrong-Passw0rd")]
    [InlineData("nobody@example.com", TestSite.AdminPassword)]
    public async Task Sign_in_with_a_wrong_password_or_unknown_email_says_the_same_and_stays_signed_out(string email, string password)
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();

        using var response = await PostSignInAsync(client, email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong email or password.", await Html.MessagesAsync(response), StringComparison.Ordinal);
        using var account = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_and_the_right_password_says_so_until_the_lockout_ends()
    {
        await using var site = TestSite.Start(o =>
        {
            o.Settings["StoreSite:SignIn:MaxFailedAttempts"] = "3";
            o.Settings["StoreSite:SignIn:LockoutMinutes"] = "15";
        });
        await site.RegisterCustomerAsync("forgetful@example.com");
        var client = site.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            // The third locks the account, but a wrong password never tells (only the right one does).
            using var wrong = await PostSignInAsync(client, "forgetful@example.com", "Wrong-Passw0rd");
            Assert.Contains("Wrong email or password.", await Html.MessagesAsync(wrong), StringComparison.Ordinal);
        }

        using var rightButLocked = await PostSignInAsync(client, "forgetful@example.com", TestSite.CustomerPassword);
        Assert.Equal(HttpStatusCode.OK, rightButLocked.StatusCode);
        Assert.Contains("This account is locked after too many failed attempts. Try again in 15 minutes.", await Html.MessagesAsync(rightButLocked), StringComparison.Ordinal);

        site.Clock.Advance(TimeSpan.FromMinutes(16));
        await site.SignInAsync("forgetful@example.com", TestSite.CustomerPassword);
    }

    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_per_minute_answer_429_for_that_address_only()
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:SignIn:PermitPerMinute"] = "3");
        var attacker = site.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await PostSignInAsync(attacker, TestSite.AdminEmail, "Wrong-Passw0rd", "10.1.2.3");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await PostSignInAsync(attacker, TestSite.AdminEmail, "Wrong-Passw0rd", "10.1.2.3");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        using var other = await PostSignInAsync(site.CreateClient(), TestSite.AdminEmail, TestSite.AdminPassword, "10.9.9.9");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task Sign_out_is_a_post_and_a_get_of_the_logout_url_does_not_sign_out()
    {
        await using var site = TestSite.Start();
        var client = await site.RegisterCustomerAsync("leaving@example.com");

        using var get = await client.GetAsync("/account/logout");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        using var stillIn = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        using var post = await client.SubmitFormAsync("/account", "form[action='/account/logout']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        using var signedOut = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/account/login", signedOut.Target()?.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_answers_400_and_changes_nothing()
    {
        await using var site = TestSite.Start();
        var client = await site.RegisterCustomerAsync("victim@example.com");

        using var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        using var signIn = await site.CreateClient().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = TestSite.AdminEmail,
            ["Password"] = TestSite.AdminPassword,
        }));
        var admin = await site.AdminAsync();
        using var settings = await admin.PostAsync("/admin/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["SiteName"] = "Hijacked",
            ["TimeZone"] = "UTC",
            ["PageSize"] = "20",
            ["Currency"] = "USD",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, settings.StatusCode);
        using var stillIn = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        var home = await site.CreateClient().GetDocumentAsync("/");
        Assert.DoesNotContain("Hijacked", home.Title, StringComparison.Ordinal);
    }
}
