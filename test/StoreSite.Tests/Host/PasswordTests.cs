using System.Net;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host;

public sealed class PasswordTests
{
    private const string NewPassword = "Brand-New-Passw0rd";

    /// <summary>Posts the forgot-password form and waits until the site has handled the request in the background.</summary>
    private static async Task<HttpResponseMessage> AskForResetAsync(TestSite site, HttpClient client, string email)
    {
        var response = await client.SubmitFormAsync("/account/forgot-password", "form[action='/account/forgot-password']", new Dictionary<string, string> { ["Email"] = email });
        await site.PasswordResetsHandledAsync();
        return response;
    }

    private static Task<HttpResponseMessage> ResetAsync(HttpClient client, string link, string password, string? confirm = null) =>
        client.SubmitFormAsync(link, "form[action='/account/reset-password']", new Dictionary<string, string>
        {
            ["Password"] = password,
            ["ConfirmPassword"] = confirm ?? password,
        });

    /// <summary>Registers a customer, asks for a reset on <paramref name="client"/> and returns the mailed link.</summary>
    private static async Task<string> MailedResetLinkAsync(TestSite site, HttpClient client, string email)
    {
        await site.RegisterCustomerAsync(email);
        using var asked = await AskForResetAsync(site, client, email);
        return MailPickup.ResetLink(site.MailFolder, email);
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(TestSite site, string email, string password) =>
        await site.CreateClient().SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });

    [Fact]
    public async Task Forgot_password_mails_a_reset_link_that_sets_a_new_password()
    {
        await using var site = TestSite.Start();
        await site.RegisterCustomerAsync("forgot@example.com");
        var client = site.CreateClient();

        var login = await client.GetDocumentAsync("/account/login");
        Assert.NotNull(login.QuerySelector("a[href='/account/forgot-password']"));
        using var asked = await AskForResetAsync(site, client, "forgot@example.com");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("we have sent it a link", await Html.MessagesAsync(asked), StringComparison.Ordinal);

        var mail = Assert.Single(MailPickup.To(site.MailFolder, "forgot@example.com"));
        Assert.Contains("Reset your password", mail.Subject, StringComparison.Ordinal);
        var link = MailPickup.ResetLink(mail);
        Assert.StartsWith("/account/reset-password?email=forgot%40example.com&code=", link, StringComparison.Ordinal);
        using var reset = await ResetAsync(client, link, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/account/login", reset.Headers.Location?.OriginalString);
        var loginAfter = await client.GetDocumentAsync("/account/login");
        Assert.Contains("Your password has been changed.", loginAfter.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);

        await site.SignInAsync("forgot@example.com", NewPassword);
        using var oldPassword = await PostSignInAsync(site, "forgot@example.com", TestSite.CustomerPassword);
        Assert.Contains("Wrong email or password.", await Html.MessagesAsync(oldPassword), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_password_for_an_unknown_email_answers_the_same_page_and_sends_nothing()
    {
        await using var site = TestSite.Start();
        await site.RegisterCustomerAsync("known@example.com");

        using var known = await AskForResetAsync(site, site.CreateClient(), "known@example.com");
        using var unknown = await AskForResetAsync(site, site.CreateClient(), "unknown@example.com");

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        var knownText = (await Html.ParseAsync(known)).QuerySelector("main")!.TextContent.Replace("known@example.com", "X", StringComparison.Ordinal);
        var unknownText = (await Html.ParseAsync(unknown)).QuerySelector("main")!.TextContent.Replace("unknown@example.com", "X", StringComparison.Ordinal);
        Assert.Equal(knownText, unknownText);
        Assert.Empty(MailPickup.To(site.MailFolder, "unknown@example.com"));
        Assert.Single(MailPickup.All(site.MailFolder));
    }

    [Fact]
    public async Task Forgot_password_with_a_bad_email_shows_a_message_next_to_the_field()
    {
        await using var site = TestSite.Start();

        using var response = await AskForResetAsync(site, site.CreateClient(), "not-an-email");

        var page = await Html.ParseAsync(response);
        Assert.Equal("Enter a valid email address.", Html.FieldError(page, "Email"));
        Assert.Empty(MailPickup.All(site.MailFolder));
    }

    [Fact]
    public async Task A_reset_link_works_once()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();
        var link = await MailedResetLinkAsync(site, client, "once@example.com");
        var form = await client.GetDocumentAsync(link);
        using var first = await ResetAsync(client, link, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var again = await client.SubmitFormAsync(form, "form[action='/account/reset-password']", new Dictionary<string, string>
        {
            ["Password"] = "Another-Passw0rd",
            ["ConfirmPassword"] = "Another-Passw0rd",
        });

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/account/forgot-password", again.Headers.Location?.OriginalString);
        var page = await client.GetDocumentAsync("/account/forgot-password");
        Assert.Contains("This reset link is invalid or has expired.", page.QuerySelector(".notice-error")?.TextContent, StringComparison.Ordinal);
        await site.SignInAsync("once@example.com", NewPassword);
    }

    [Theory]
    [InlineData("not-base64-!!")]
    [InlineData("QUJD")]
    public async Task A_tampered_reset_link_is_refused_with_a_message(string code)
    {
        await using var site = TestSite.Start();
        await site.RegisterCustomerAsync("tampered@example.com");
        var client = site.CreateClient();

        using var open = await client.GetAsync($"/account/reset-password?email=tampered%40example.com&code={code}");
        if (open.StatusCode == HttpStatusCode.OK)
        {
            using var post = await ResetAsync(client, $"/account/reset-password?email=tampered%40example.com&code={code}", NewPassword);
            Assert.Equal("/account/forgot-password", post.Headers.Location?.OriginalString);
        }
        else
        {
            Assert.Equal("/account/forgot-password", open.Headers.Location?.OriginalString);
        }

        var page = await client.GetDocumentAsync("/account/forgot-password");
        Assert.Contains("This reset link is invalid or has expired.", page.QuerySelector(".notice-error")?.TextContent, StringComparison.Ordinal);
        await site.SignInAsync("tampered@example.com", TestSite.CustomerPassword);
    }

    [Fact]
    public async Task Reset_with_a_weak_password_shows_the_rules_next_to_the_password()
    {
        await using var site = TestSite.Start();
        var client = site.CreateClient();
        var link = await MailedResetLinkAsync(site, client, "weak.reset@example.com");

        using var weak = await ResetAsync(client, link, "alllowercase");
        using var mismatch = await ResetAsync(client, link, NewPassword, "Something-Else1");

        Assert.Contains("digit", Html.FieldError(await Html.ParseAsync(weak), "Password"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("The passwords do not match.", Html.FieldError(await Html.ParseAsync(mismatch), "ConfirmPassword"));
        await site.SignInAsync("weak.reset@example.com", TestSite.CustomerPassword);
    }

    [Fact]
    public async Task Forgot_password_posts_share_the_sign_in_rate_limit()
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:SignIn:PermitPerMinute"] = "2");
        var client = site.CreateClient();

        using var first = await AskForResetAsync(site, client, "a@example.com");
        using var second = await AskForResetAsync(site, client, "b@example.com");
        using var third = await AskForResetAsync(site, client, "c@example.com");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    [Fact]
    public async Task The_reset_link_uses_the_configured_public_url_not_the_request_host()
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:PublicUrl"] = "https://store.example.com/shop");
        await site.RegisterCustomerAsync("public@example.com");
        var client = site.CreateClient();
        var page = await client.GetDocumentAsync("/account/forgot-password");
        client.DefaultRequestHeaders.Host = "evil.example";

        using var asked = await client.SubmitFormAsync(page, "form[action='/account/forgot-password']", new Dictionary<string, string> { ["Email"] = "public@example.com" });
        await site.PasswordResetsHandledAsync();

        var body = Assert.Single(MailPickup.To(site.MailFolder, "public@example.com")).TextBody;
        Assert.Contains("https://store.example.com/shop/account/reset-password?email=", body, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_password_needs_the_current_one_and_ends_the_other_sessions()
    {
        await using var site = TestSite.Start();
        var client = await site.RegisterCustomerAsync("changer@example.com");
        var otherDevice = await site.SignInAsync("changer@example.com", TestSite.CustomerPassword);
        var account = await client.GetDocumentAsync("/account");
        Assert.NotNull(account.QuerySelector("a[href='/account/change-password']"));

        using var wrong = await client.SubmitFormAsync("/account/change-password", "form[action='/account/change-password']", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Not-The-Passw0rd",
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });
        Assert.Equal("The current password is wrong.", Html.FieldError(await Html.ParseAsync(wrong), "CurrentPassword"));
        using var weak = await client.SubmitFormAsync("/account/change-password", "form[action='/account/change-password']", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestSite.CustomerPassword,
            ["NewPassword"] = "short",
            ["ConfirmPassword"] = "short",
        });
        Assert.Contains("at least 8 characters", Html.FieldError(await Html.ParseAsync(weak), "NewPassword"), StringComparison.Ordinal);

        using var changed = await client.SubmitFormAsync("/account/change-password", "form[action='/account/change-password']", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestSite.CustomerPassword,
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = await client.GetDocumentAsync("/account");
        Assert.Contains("Your password has been changed.", after.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        site.Clock.Advance(TimeSpan.FromMinutes(2));
        using var stillIn = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        using var otherOut = await otherDevice.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, otherOut.StatusCode);
        await site.SignInAsync("changer@example.com", NewPassword);
    }

    [Fact]
    public async Task Change_password_needs_a_signed_in_user()
    {
        await using var site = TestSite.Start();

        using var response = await site.CreateClient().GetAsync("/account/change-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Target()?.AbsolutePath);
    }
}
