using System.Net;
using CP.Licensing.Controllers;
using CP.Licensing.Models;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>Transfer a key from its admin page: to an existing account or a new, invited one; both owners mailed; Verify unaffected.</summary>
public sealed class LicenseTransferTests
{
    private const string NewOwner = "new.owner@example.com";

    [Fact]
    public async Task Transferring_to_an_existing_account_moves_the_key_between_the_customers_pages_mails_both_and_leaves_Verify_as_it_was()
    {
        await using var site = await LicensingSite.StartAsync();
        await CreateCustomerAsync(site, NewOwner);
        var key = await IssueAsync(site, maxActivations: 2, product: "Gallery Pro");
        var api = site.CreateClient();
        var before = await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, key);

        using var moved = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.transfer-form", new Dictionary<string, string> { ["customerEmail"] = " New.Owner@example.com " });

        var page = await LicensePages.FollowAsync(admin, moved);
        Assert.Contains($"The key moved from {CustomerEmail} to {NewOwner}; both were mailed.", LicensePages.Notice(page), StringComparison.Ordinal);
        var history = LicensePages.Rows(page, "table.history").Last();
        Assert.Equal("Transferred", history["What"]);
        Assert.Equal(TestSite.AdminEmail, history["Who"]);
        Assert.Equal($"Transferred from {CustomerEmail} to {NewOwner}.", history["Details"]);
        var stored = await LoadAsync(site, key);
        Assert.Equal(await LicensePages.UserIdOfAsync(site, NewOwner), stored.CustomerId);
        Assert.Equal(NewOwner, stored.CustomerEmail);

        var oldOwner = await site.SignInAsync(CustomerEmail, TestSite.CustomerPassword);
        Assert.DoesNotContain(key, (await oldOwner.GetDocumentAsync("/account/licenses")).Source.Text, StringComparison.Ordinal);
        var newOwner = await site.SignInAsync(NewOwner, TestSite.CustomerPassword);
        Assert.Equal(key, (await newOwner.GetDocumentAsync("/account/licenses")).QuerySelector("table.customer-licenses input")?.GetAttribute("value"));

        var left = Assert.Single(MailPickup.To(site.MailFolder, CustomerEmail), m => true == m.Subject?.Contains("moved to another account", StringComparison.Ordinal));
        Assert.Contains("no longer in yours", left.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(key, left.TextBody, StringComparison.Ordinal);
        var arrived = Assert.Single(MailPickup.To(site.MailFolder, NewOwner), m => true == m.Subject?.Contains("now in your account", StringComparison.Ordinal));
        Assert.Contains("/account/licenses", arrived.TextBody, StringComparison.Ordinal);
        Assert.Contains("/account/licenses", arrived.HtmlBody, StringComparison.Ordinal);

        var after = await AssertValidAsync(await VerifyAsync(api, key, "a.example.com", from: "10.0.0.1"));
        Assert.Equal(before.GetProperty("activations").GetRawText(), after.GetProperty("activations").GetRawText());
        Assert.Equal(before.GetProperty("expiry").GetRawText(), after.GetProperty("expiry").GetRawText());
    }

    [Fact]
    public async Task Transferring_to_an_unknown_email_creates_a_customer_account_and_mails_it_a_set_your_password_link()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site);
        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, key);

        using var moved = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.transfer-form", new Dictionary<string, string> { ["customerEmail"] = NewOwner });

        Assert.Contains("a new account, invited by mail to set its password", LicensePages.Notice(await LicensePages.FollowAsync(admin, moved)), StringComparison.Ordinal);
        var userId = await LicensePages.UserIdOfAsync(site, NewOwner);
        Assert.Equal(userId, (await LoadAsync(site, key)).CustomerId);
        var mails = MailPickup.To(site.MailFolder, NewOwner);
        var invitation = Assert.Single(mails, m => true == m.Subject?.StartsWith("Your account at", StringComparison.Ordinal));
        Assert.StartsWith("/account/reset-password?email=new.owner%40example.com&code=", MailPickup.ResetLink(invitation), StringComparison.Ordinal);
        Assert.Single(mails, m => true == m.Subject?.Contains("now in your account", StringComparison.Ordinal));
        Assert.Contains("(account created with an invitation)", (await LoadAsync(site, key)).Events.Single(e => e.Kind == LicenseEventKind.Transferred).Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", LicenseActionMessages.InvalidEmail)]
    [InlineData("not an email", LicenseActionMessages.InvalidEmail)]
    [InlineData(CustomerEmail, LicenseActionMessages.SameCustomer)]
    public async Task A_transfer_to_no_valid_email_or_to_the_same_customer_is_refused_next_to_the_field(string email, string message)
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site);
        var admin = await site.AdminAsync();
        var id = await LicensePages.IdOfAsync(site, key);

        using var refused = await admin.SubmitFormAsync($"/admin/licenses/{id}", "form.transfer-form", new Dictionary<string, string> { ["customerEmail"] = email });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(message, Html.FieldError(await Html.ParseAsync(refused), "CustomerEmail"));
        var stored = await LoadAsync(site, key);
        Assert.Equal(CustomerEmail, stored.CustomerEmail);
        Assert.DoesNotContain(stored.Events, e => e.Kind == LicenseEventKind.Transferred);
    }
}
