using System.Net;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host;

/// <summary>The sign-in form does not tell which emails have an account: same work, same answer.</summary>
public sealed class SignInEnumerationTests
{
    private const string WrongPassword = "Wrong-Passw0rd";

    private static async Task<(HttpStatusCode Status, string Messages)> SignInAsync(TestSite site, string email, string password)
    {
        using var response = await site.CreateClient().SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        return (response.StatusCode, await Html.MessagesAsync(response));
    }

    private static async Task LockAsync(TestSite site, HttpClient admin, string email)
    {
        var id = await site.IdOfAsync(email);
        using var locked = await admin.SubmitFormAsync($"/admin/users/{id}", "form.lock-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
    }

    private static async Task LockOutWithWrongPasswordsAsync(TestSite site, string email)
    {
        for (var i = 0; i < 3; i++)
        {
            var (status, _) = await SignInAsync(site, email, WrongPassword);
            Assert.Equal(HttpStatusCode.OK, status);
        }
    }

    private static TestSite Start(Action<TestSiteOptions>? configure = null) => TestSite.Start(o =>
    {
        o.Settings["StoreSite:SignIn:MaxFailedAttempts"] = "3";
        o.Settings["StoreSite:SignIn:LockoutMinutes"] = "15";
        o.Settings["StoreSite:SignIn:PermitPerMinute"] = "1000";
        configure?.Invoke(o);
    });

    [Fact]
    public async Task An_unknown_email_costs_one_password_hash_verification_like_a_wrong_password()
    {
        PasswordHashCounts counts = null!;
        await using var site = Start(o => counts = CountingPasswordHasher.AddTo(o));
        await site.RegisterCustomerAsync("locked.by.admin@example.com");
        await site.RegisterCustomerAsync("locked.by.attempts@example.com");
        await LockAsync(site, await site.AdminAsync(), "locked.by.admin@example.com");
        await LockOutWithWrongPasswordsAsync(site, "locked.by.attempts@example.com");

        Assert.Equal(1, await counts.VerificationsDuringAsync(() => SignInAsync(site, "nobody@example.com", WrongPassword)));
        Assert.Equal(1, await counts.VerificationsDuringAsync(() => SignInAsync(site, "nobody.else@example.com", TestSite.AdminPassword)));
        Assert.Equal(1, await counts.VerificationsDuringAsync(() => SignInAsync(site, TestSite.AdminEmail, WrongPassword)));
        Assert.Equal(1, await counts.VerificationsDuringAsync(() => SignInAsync(site, "locked.by.admin@example.com", WrongPassword)));
        Assert.Equal(1, await counts.VerificationsDuringAsync(() => SignInAsync(site, "locked.by.attempts@example.com", WrongPassword)));
        Assert.Equal(1, await counts.VerificationsDuringAsync(() => SignInAsync(site, "locked.by.attempts@example.com", TestSite.CustomerPassword)));
    }

    [Fact]
    public async Task Unknown_email_wrong_password_and_locked_accounts_given_a_wrong_password_answer_alike()
    {
        await using var site = Start();
        await site.RegisterCustomerAsync("locked.by.admin@example.com");
        await site.RegisterCustomerAsync("locked.by.attempts@example.com");
        await LockAsync(site, await site.AdminAsync(), "locked.by.admin@example.com");
        await LockOutWithWrongPasswordsAsync(site, "locked.by.attempts@example.com");

        var unknown = await SignInAsync(site, "nobody@example.com", WrongPassword);
        var wrongPassword = await SignInAsync(site, TestSite.AdminEmail, WrongPassword);
        var lockedByAdmin = await SignInAsync(site, "locked.by.admin@example.com", WrongPassword);
        var lockedByAttempts = await SignInAsync(site, "locked.by.attempts@example.com", WrongPassword);

        Assert.Equal((HttpStatusCode.OK, "Wrong email or password."), unknown);
        Assert.Equal(unknown, wrongPassword);
        Assert.Equal(unknown, lockedByAdmin);
        Assert.Equal(unknown, lockedByAttempts);
    }

    [Fact]
    public async Task The_wrong_password_that_locks_the_account_answers_like_any_wrong_password()
    {
        await using var site = Start();
        await site.RegisterCustomerAsync("forgetful@example.com");

        var answers = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await SignInAsync(site, "forgetful@example.com", WrongPassword));
        }

        Assert.All(answers, answer => Assert.Equal((HttpStatusCode.OK, "Wrong email or password."), answer));
        var right = await SignInAsync(site, "forgetful@example.com", TestSite.CustomerPassword);
        Assert.Equal((HttpStatusCode.OK, "This account is locked after too many failed attempts. Try again in 15 minutes."), right);
    }

    [Fact]
    public async Task The_right_password_of_an_account_locked_by_an_administrator_says_it_is_locked()
    {
        await using var site = Start();
        await site.RegisterCustomerAsync("locked@example.com");
        await LockAsync(site, await site.AdminAsync(), "locked@example.com");

        var right = await SignInAsync(site, "locked@example.com", TestSite.CustomerPassword);

        Assert.Equal((HttpStatusCode.OK, "This account is locked. Contact the store if you think this is a mistake."), right);
    }

    [Fact]
    public async Task Wrong_passwords_while_locked_out_are_not_counted_against_the_next_attempts()
    {
        await using var site = Start();
        await site.RegisterCustomerAsync("patient@example.com");
        await LockOutWithWrongPasswordsAsync(site, "patient@example.com");
        for (var i = 0; i < 2; i++)
        {
            await SignInAsync(site, "patient@example.com", WrongPassword);
        }

        site.Clock.Advance(TimeSpan.FromMinutes(16));

        // Had the two been counted, this third wrong password in a row would lock the account again.
        Assert.Equal("Wrong email or password.", (await SignInAsync(site, "patient@example.com", WrongPassword)).Messages);
        await site.SignInAsync("patient@example.com", TestSite.CustomerPassword);
    }
}
