using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Data;

namespace StoreSite.Tests.Host;

/// <summary>
/// Sign-in sessions live in the database: signing out ends that browser's session at once on every
/// node (a copy of its cookie opens nothing), other browsers stay signed in.
/// </summary>
public sealed class SignInSessionTests
{
    private const string Email = "traveller@example.com";

    private static readonly Uri Origin = new("http://localhost");

    /// <summary>A browser with its own cookie jar, signed in through the form.</summary>
    private static async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(TestSite site, string email = Email, string password = TestSite.CustomerPassword)
    {
        var cookies = new CookieContainer();
        var client = SharedCookiesHandler.ClientOf(site, cookies);
        using var response = await client.SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, cookies);
    }

    private static string AuthCookie(CookieContainer cookies) =>
        cookies.GetCookies(Origin)[".StoreSite.Auth"]?.Value ?? throw new InvalidOperationException("No sign-in cookie.");

    private static async Task SignOutAsync(HttpClient client)
    {
        using var response = await client.SubmitFormAsync("/account", "form[action='/account/logout']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>GET /account with nothing but this sign-in cookie (a copy someone kept).</summary>
    private static async Task<HttpResponseMessage> AccountWithCookieAsync(TestSite site, string authCookie)
    {
        using var client = ((TestServer)site.Services.GetRequiredService<IServer>()).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", $".StoreSite.Auth={authCookie}");
        return await client.SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Target()?.AbsolutePath);
    }

    private static Task<int> SessionCountAsync(TestSite site, string email = Email) =>
        site.InScopeAsync(async sp =>
        {
            var id = await site.IdOfAsync(email);
            return await sp.GetRequiredService<StoreSiteDbContext>().SignInSessions.CountAsync(s => s.UserId == id);
        });

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_the_account_at_once_nor_after_the_clock_moves()
    {
        await using var site = TestSite.Start();
        await site.RegisterCustomerAsync(Email);
        var (browser, cookies) = await SignInAsync(site);
        var copied = AuthCookie(cookies);
        using (var before = await AccountWithCookieAsync(site, copied))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await SignOutAsync(browser);

        using (var atOnce = await AccountWithCookieAsync(site, copied))
        {
            AssertSentToSignIn(atOnce);
        }

        site.Clock.Advance(TimeSpan.FromSeconds(70));
        using (var later = await AccountWithCookieAsync(site, copied))
        {
            AssertSentToSignIn(later);
        }

        site.Clock.Advance(TimeSpan.FromDays(1));
        using var muchLater = await AccountWithCookieAsync(site, copied);
        AssertSentToSignIn(muchLater);
    }

    [Fact]
    public async Task Signing_out_one_browser_keeps_the_users_other_devices_signed_in()
    {
        await using var site = TestSite.Start();
        var phone = await site.RegisterCustomerAsync(Email);
        var (laptop, _) = await SignInAsync(site);

        await SignOutAsync(laptop);

        using (var atOnce = await phone.GetAsync("/account"))
        {
            Assert.Equal(HttpStatusCode.OK, atOnce.StatusCode);
        }

        // Past the security-stamp check's interval, and again after that check renewed the session.
        site.Clock.Advance(TimeSpan.FromMinutes(2));
        using (var later = await phone.GetAsync("/account"))
        {
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        }

        using var again = await phone.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Signing_out_deletes_that_session_row_only_and_signing_in_again_works()
    {
        await using var site = TestSite.Start();
        await site.RegisterCustomerAsync(Email);
        var (browser, cookies) = await SignInAsync(site);
        Assert.Equal(2, await SessionCountAsync(site));

        await SignOutAsync(browser);

        Assert.Equal(1, await SessionCountAsync(site));
        using (var signedOut = await browser.GetAsync("/account"))
        {
            AssertSentToSignIn(signedOut);
        }

        using (var signIn = await browser.SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = Email,
            ["Password"] = TestSite.CustomerPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var signedIn = await AccountWithCookieAsync(site, AuthCookie(cookies));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(2, await SessionCountAsync(site));
    }

    [Fact]
    public async Task The_cookie_holds_only_a_session_key_and_the_stored_ticket_is_protected()
    {
        await using var site = TestSite.Start();
        await site.RegisterCustomerAsync(Email);

        var (_, cookies) = await SignInAsync(site);

        // A cookie holding the whole ticket (claims, security stamp, roles) is well over 600 characters.
        Assert.InRange(AuthCookie(cookies).Length, 1, 400);
        var tickets = await site.InScopeAsync(sp => sp.GetRequiredService<StoreSiteDbContext>().SignInSessions.Select(s => s.Ticket).ToListAsync());
        Assert.All(tickets, ticket => Assert.DoesNotContain(Email, System.Text.Encoding.UTF8.GetString(ticket), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Expired_sessions_are_refused_and_removed_at_a_later_sign_in()
    {
        await using var site = TestSite.Start();
        await site.RegisterCustomerAsync(Email);
        var (_, cookies) = await SignInAsync(site);
        var old = AuthCookie(cookies);

        site.Clock.Advance(TimeSpan.FromDays(15));
        using (var expired = await AccountWithCookieAsync(site, old))
        {
            AssertSentToSignIn(expired);
        }

        await SignInAsync(site);

        Assert.Equal(1, await SessionCountAsync(site));
    }

    [Fact]
    public async Task Locking_a_user_ends_all_their_sessions_at_once()
    {
        await using var site = TestSite.Start();
        var phone = await site.RegisterCustomerAsync(Email);
        var (laptop, _) = await SignInAsync(site);
        var admin = await site.AdminAsync();

        using var locked = await admin.SubmitFormAsync($"/admin/users/{await site.IdOfAsync(Email)}", "form.lock-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        using var phoneAccount = await phone.GetAsync("/account");
        AssertSentToSignIn(phoneAccount);
        using var laptopAccount = await laptop.GetAsync("/account");
        AssertSentToSignIn(laptopAccount);
        Assert.Equal(0, await SessionCountAsync(site));
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_at_once_and_keeps_this_one()
    {
        await using var site = TestSite.Start();
        var phone = await site.RegisterCustomerAsync(Email);
        var (laptop, _) = await SignInAsync(site);

        using var changed = await laptop.SubmitFormAsync("/account/change-password", "form[action='/account/change-password']", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestSite.CustomerPassword,
            ["NewPassword"] = "Changed-Passw0rd",
            ["ConfirmPassword"] = "Changed-Passw0rd",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var phoneAccount = await phone.GetAsync("/account");
        AssertSentToSignIn(phoneAccount);
        using var laptopAccount = await laptop.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, laptopAccount.StatusCode);
        Assert.Equal(1, await SessionCountAsync(site));
    }

    [Fact]
    public async Task A_password_reset_ends_every_session_of_the_account_at_once()
    {
        await using var site = TestSite.Start();
        var phone = await site.RegisterCustomerAsync(Email);
        using (var forgot = await site.CreateClient().SubmitFormAsync("/account/forgot-password", "form[action='/account/forgot-password']", new Dictionary<string, string> { ["Email"] = Email }))
        {
            Assert.Equal(HttpStatusCode.OK, forgot.StatusCode);
        }

        await site.PasswordResetsHandledAsync();
        var link = MailPickup.ResetLink(site.MailFolder, Email);
        using var reset = await site.CreateClient().SubmitFormAsync(link, "form[action='/account/reset-password']", new Dictionary<string, string>
        {
            ["Password"] = "Reset-Passw0rd1",
            ["ConfirmPassword"] = "Reset-Passw0rd1",
        });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var phoneAccount = await phone.GetAsync("/account");
        AssertSentToSignIn(phoneAccount);
        Assert.Equal(0, await SessionCountAsync(site));
    }

    [Fact]
    public async Task On_postgres_a_cookie_copied_before_sign_out_on_one_node_is_refused_at_once_by_both()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var nodeA = TestSite.Start(o => o.PostgresConnectionString = database.ConnectionString);
        await using var nodeB = TestSite.Start(o => o.PostgresConnectionString = database.ConnectionString);
        await nodeA.RegisterCustomerAsync(Email);
        var otherDevice = await nodeB.SignInAsync(Email, TestSite.CustomerPassword);
        var browser = new CookieContainer();
        using var viaA = SharedCookiesHandler.ClientOf(nodeA, browser);
        using var viaB = SharedCookiesHandler.ClientOf(nodeB, browser);
        using (var signIn = await viaA.SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = Email,
            ["Password"] = TestSite.CustomerPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var copied = AuthCookie(browser);
        using (var onB = await AccountWithCookieAsync(nodeB, copied))
        {
            Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        }

        await SignOutAsync(viaB);

        using (var refusedByA = await AccountWithCookieAsync(nodeA, copied))
        {
            AssertSentToSignIn(refusedByA);
        }

        using (var refusedByB = await AccountWithCookieAsync(nodeB, copied))
        {
            AssertSentToSignIn(refusedByB);
        }

        using var stillIn = await otherDevice.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(2, await SessionCountAsync(nodeA));
    }
}
