using System.Net;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host;

public sealed class UsersAdminTests
{
    private static List<string> ListedEmails(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("table.users tbody tr").Select(r => r.GetAttribute("data-user")!).ToList();

    private static Task<HttpResponseMessage> SubmitCreateAsync(HttpClient admin, string email, string password, string? roles = null)
    {
        var values = new Dictionary<string, string> { ["Email"] = email, ["Password"] = password };
        if (roles is not null)
        {
            values["Roles"] = roles;
        }

        return admin.SubmitFormAsync("/admin/users/create", "form[action='/admin/users/create']", values);
    }

    private static async Task<string> NoticeAfterRedirectAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        return string.Join(" | ", page.QuerySelectorAll(".notice").Select(n => n.TextContent.Trim()));
    }

    [Fact]
    public async Task Users_list_shows_accounts_with_roles_and_searches_by_part_of_the_email_in_any_case()
    {
        await using var site = TestSite.Start();
        await site.RegisterCustomerAsync("alice@shop.example");
        await site.RegisterCustomerAsync("bob@other.example");
        var admin = await site.AdminAsync();

        var all = await admin.GetDocumentAsync("/admin/users");
        var found = await admin.GetDocumentAsync("/admin/users?q=SHOP.EX");
        var none = await admin.GetDocumentAsync("/admin/users?q=" + new string('x', 5000));

        Assert.Equal(["admin@example.com", "alice@shop.example", "bob@other.example"], ListedEmails(all));
        Assert.Contains("Administrator", all.QuerySelector("tr[data-user='admin@example.com']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Customer", all.QuerySelector("tr[data-user='alice@shop.example']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["alice@shop.example"], ListedEmails(found));
        Assert.Empty(ListedEmails(none));
    }

    [Fact]
    public async Task Users_list_pages_with_the_site_page_size_and_clamps_absurd_page_numbers()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        using var saved = await admin.SubmitFormAsync("/admin/settings", "form[action='/admin/settings']", new Dictionary<string, string> { ["PageSize"] = "5" });
        await site.CreateUsersAsync(Enumerable.Range(1, 7).Select(i => $"user{i:00}@example.com"), "Customer");

        var first = await admin.GetDocumentAsync("/admin/users");
        var second = await admin.GetDocumentAsync(first.QuerySelector(".pager a[rel='next']")!.GetAttribute("href")!);
        var beyond = await admin.GetDocumentAsync("/admin/users?page=999999");
        var negative = await admin.GetDocumentAsync("/admin/users?page=-4");
        var garbage = await admin.GetDocumentAsync("/admin/users?page=abc");

        Assert.Equal(["admin@example.com", "user01@example.com", "user02@example.com", "user03@example.com", "user04@example.com"], ListedEmails(first));
        Assert.Equal(["user05@example.com", "user06@example.com", "user07@example.com"], ListedEmails(second));
        Assert.Contains("Page 2 of 2", second.QuerySelector(".pager")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ListedEmails(second), ListedEmails(beyond));
        Assert.Equal(ListedEmails(first), ListedEmails(negative));
        Assert.Equal(ListedEmails(first), ListedEmails(garbage));
    }

    [Fact]
    public async Task Create_user_makes_an_account_with_the_chosen_roles_that_can_sign_in()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var form = (await admin.GetDocumentAsync("/admin/users/create")).Tick("form[action='/admin/users/create']", "Roles", "Administrator", "Customer");

        using var response = await admin.SubmitFormAsync(form, "form[action='/admin/users/create']", new Dictionary<string, string>
        {
            ["Email"] = "  helper@example.com ",
            ["Password"] = "Helper-Passw0rd",
        });

        Assert.Contains("helper@example.com created.", await NoticeAfterRedirectAsync(admin, response), StringComparison.Ordinal);
        Assert.Equal(["Administrator", "Customer"], (await site.RolesOfAsync("helper@example.com")).Order());
        var helper = await site.SignInAsync("helper@example.com", "Helper-Passw0rd");
        using var dashboard = await helper.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task Create_user_shows_messages_next_to_bad_fields_and_creates_nothing()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var badEmail = await SubmitCreateAsync(admin, "no-at-sign", "alllowercase");
        using var duplicate = await SubmitCreateAsync(admin, TestSite.AdminEmail, "Valid-Passw0rd");
        using var hostileRole = await SubmitCreateAsync(admin, "hostile@example.com", "Valid-Passw0rd", new string('R', 1_000_000));

        Assert.Equal(HttpStatusCode.OK, badEmail.StatusCode);
        Assert.Equal("Enter a valid email address.", Html.FieldError(await Html.ParseAsync(badEmail), "Email"));
        Assert.StartsWith("An account with this email already exists.", Html.FieldError(await Html.ParseAsync(duplicate), "Email"), StringComparison.Ordinal);
        Assert.Equal("Choose roles from the list.", Html.FieldError(await Html.ParseAsync(hostileRole), "Roles"));
        var list = await admin.GetDocumentAsync("/admin/users");
        Assert.Equal(["admin@example.com"], ListedEmails(list));
    }

    [Fact]
    public async Task Create_user_with_a_weak_password_names_the_rules_next_to_the_password()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        using var response = await SubmitCreateAsync(admin, "weak@example.com", "short");

        Assert.Equal("The password needs at least 8 characters, a digit (0–9) and an upper-case letter (A–Z).", Html.FieldError(await Html.ParseAsync(response), "Password"));
    }

    [Fact]
    public async Task Edit_roles_sets_exactly_the_ticked_roles_and_the_user_gets_them_within_the_validation_interval()
    {
        await using var site = TestSite.Start();
        var customer = await site.RegisterCustomerAsync("promoted@example.com");
        var admin = await site.AdminAsync();
        var id = await site.IdOfAsync("promoted@example.com");
        using var before = await customer.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);

        var page = (await admin.GetDocumentAsync($"/admin/users/{id}")).Tick("form.roles-form", "roles", "Administrator");
        using var response = await admin.SubmitFormAsync(page, "form.roles-form", new Dictionary<string, string>());

        Assert.Contains("promoted@example.com now has the role Administrator.", await NoticeAfterRedirectAsync(admin, response), StringComparison.Ordinal);
        Assert.Equal(["Administrator"], await site.RolesOfAsync("promoted@example.com"));
        site.Clock.Advance(TimeSpan.FromMinutes(2));
        using var after = await customer.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_administrator_role()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var id = await site.IdOfAsync(TestSite.AdminEmail);

        var page = (await admin.GetDocumentAsync($"/admin/users/{id}")).Tick("form.roles-form", "roles", "Customer");
        using var response = await admin.SubmitFormAsync(page, "form.roles-form", new Dictionary<string, string>());

        Assert.Contains("You cannot remove your own Administrator role", await NoticeAfterRedirectAsync(admin, response), StringComparison.Ordinal);
        Assert.Equal(["Administrator"], await site.RolesOfAsync(TestSite.AdminEmail));
    }

    [Fact]
    public async Task Locking_a_user_ends_their_session_within_the_validation_interval_and_refuses_sign_in_until_unlocked()
    {
        await using var site = TestSite.Start();
        var customer = await site.RegisterCustomerAsync("locked@example.com");
        var admin = await site.AdminAsync();
        var id = await site.IdOfAsync("locked@example.com");

        using var locked = await admin.SubmitFormAsync($"/admin/users/{id}", "form.lock-form", new Dictionary<string, string>());

        Assert.Contains("locked@example.com is locked", await NoticeAfterRedirectAsync(admin, locked), StringComparison.Ordinal);
        var list = await admin.GetDocumentAsync("/admin/users?q=locked");
        Assert.Equal("Locked", list.QuerySelector("tr[data-user='locked@example.com'] .badge")?.TextContent.Trim());
        site.Clock.Advance(TimeSpan.FromMinutes(2));
        using var session = await customer.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);
        using var signIn = await site.CreateClient().SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = "locked@example.com",
            ["Password"] = TestSite.CustomerPassword,
        });
        Assert.Contains("This account is locked.", await Html.MessagesAsync(signIn), StringComparison.Ordinal);

        using var unlocked = await admin.SubmitFormAsync($"/admin/users/{id}", "form.unlock-form", new Dictionary<string, string>());
        Assert.Contains("locked@example.com is unlocked", await NoticeAfterRedirectAsync(admin, unlocked), StringComparison.Ordinal);
        await site.SignInAsync("locked@example.com", TestSite.CustomerPassword);
    }

    [Fact]
    public async Task An_admin_cannot_lock_their_own_account()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var id = await site.IdOfAsync(TestSite.AdminEmail);
        var page = await admin.GetDocumentAsync($"/admin/users/{id}");
        Assert.Null(page.QuerySelector("form.lock-form"));

        using var response = await admin.PostAsync($"/admin/users/{id}/lock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        }));

        Assert.Contains("You cannot lock your own account", await NoticeAfterRedirectAsync(admin, response), StringComparison.Ordinal);
        site.Clock.Advance(TimeSpan.FromMinutes(2));
        using var stillIn = await admin.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/admin/users/no-such-id")]
    [InlineData("POST", "/admin/users/no-such-id/roles")]
    [InlineData("POST", "/admin/users/no-such-id/lock")]
    [InlineData("POST", "/admin/users/no-such-id/unlock")]
    public async Task Unknown_user_ids_answer_404(string method, string url)
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var token = Html.AntiforgeryToken(await admin.GetDocumentAsync("/admin/users/create"));

        using var response = method == "GET"
            ? await admin.GetAsync(url)
            : await admin.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
