using System.Net;
using System.Text.RegularExpressions;
using CP.Licensing.Data;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using CP.Licensing.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Reminders;

/// <summary>
/// Renewal reminders end to end: a key bought on 2026-06-01 for a year expires on 2027-06-01; the
/// site clock moves to the reminder days; the worker (and a run of <see cref="RenewalReminders"/> by
/// the test, racing it) sends each reminder once, with a Renew link and a link that stops them.
/// </summary>
public sealed partial class RenewalReminderTests
{
    public const string Buyer = "renews@example.com";
    private static readonly DateTimeOffset Bought = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Expiry = new(2027, 6, 1);

    [Fact]
    public async Task A_key_gets_the_30_and_7_day_reminders_and_the_one_after_expiry_each_once()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Bought, withCustomer: false);
        var (_, number) = await site.PaidOrderAsync(Buyer);
        var key = (await LicensingArrange.AllAsync(site)).Single(l => l.OrderNumber == number);
        Assert.Equal(Expiry, key.ExpiresOn);

        await RemindOnAsync(site, new DateTimeOffset(2027, 5, 1, 9, 0, 0, TimeSpan.Zero));
        Assert.Empty(Reminders(site));

        await RemindOnAsync(site, new DateTimeOffset(2027, 5, 2, 9, 0, 0, TimeSpan.Zero));
        var first = Assert.Single(await WaitForRemindersAsync(site, 1));
        Assert.Equal(Buyer, first.To.Mailboxes.Single().Address);
        Assert.Equal("Your license for Site Builder Pro – Single site expires in 30 days, on 2027-06-01", first.Subject);
        Assert.Contains(CP.Licensing.Keys.LicenseKeys.Mask(key.Key), first.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Key, first.TextBody, StringComparison.Ordinal);
        Assert.Contains("Renew: http", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("Renew Site Builder Pro", first.HtmlBody, StringComparison.Ordinal);

        // The same day again, and the days after within the grace: nothing more.
        await RemindOnAsync(site, new DateTimeOffset(2027, 5, 2, 18, 0, 0, TimeSpan.Zero));
        await RemindOnAsync(site, new DateTimeOffset(2027, 5, 6, 9, 0, 0, TimeSpan.Zero));
        Assert.Single(Reminders(site));

        await RemindOnAsync(site, new DateTimeOffset(2027, 5, 26, 9, 0, 0, TimeSpan.Zero));
        var second = (await WaitForRemindersAsync(site, 2))[1];
        Assert.Equal("Your license for Site Builder Pro – Single site expires in 6 days, on 2027-06-01", second.Subject);

        await RemindOnAsync(site, new DateTimeOffset(2027, 6, 4, 9, 0, 0, TimeSpan.Zero));
        var third = (await WaitForRemindersAsync(site, 3))[2];
        Assert.Equal("Your license for Site Builder Pro – Single site has expired", third.Subject);
        Assert.Contains("expired 3 days ago, on 2027-06-01", third.TextBody, StringComparison.Ordinal);

        await RemindOnAsync(site, new DateTimeOffset(2027, 6, 8, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(3, Reminders(site).Count);
        var taken = await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().RenewalReminders.AsNoTracking().OrderByDescending(r => r.OffsetDays).ToListAsync());
        Assert.Equal([(key.Id, Expiry, 30), (key.Id, Expiry, 7), (key.Id, Expiry, -3)], taken.Select(r => (r.LicenseId, r.ExpiresOn, r.OffsetDays)));
    }

    [Fact]
    public async Task Revoked_suspended_opted_out_and_non_renewing_keys_get_no_reminder()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Bought, withCustomer: false);
        var (_, sent) = await site.PaidOrderAsync("gets@example.com");
        var (_, revoked) = await site.PaidOrderAsync("revoked@example.com");
        var (_, suspended) = await site.PaidOrderAsync("suspended@example.com");
        var (_, optedOut) = await site.PaidOrderAsync("optedout@example.com");
        var keys = await LicensingArrange.AllAsync(site);
        License Of(string order) => keys.Single(l => l.OrderNumber == order);
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LicensingDbContext>();
            var revokedId = Of(revoked).Id;
            var suspendedId = Of(suspended).Id;
            await db.Licenses.Where(l => l.Id == revokedId).ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, Bought).SetProperty(l => l.RevokedBy, "admin"));
            await db.Licenses.Where(l => l.Id == suspendedId).ExecuteUpdateAsync(s => s.SetProperty(l => l.SuspendedAt, Bought).SetProperty(l => l.SuspensionReason, "Fraud check"));
            await sp.GetRequiredService<ReminderPreferences>().SetAsync(Of(optedOut).CustomerId, wantsReminders: false, CancellationToken.None);
        });

        await RemindOnAsync(site, new DateTimeOffset(2027, 5, 26, 9, 0, 0, TimeSpan.Zero));

        var mail = Assert.Single(await WaitForRemindersAsync(site, 1));
        Assert.Equal("gets@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Equal([Of(sent).Id], await TakenAsync(site));

        // The plan stops selling renewals: the next reminder of the key is not sent either.
        await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().PlanLicensingSettings.ExecuteUpdateAsync(s => s.SetProperty(p => p.RenewalEnabled, false)));
        await RemindOnAsync(site, new DateTimeOffset(2027, 6, 4, 9, 0, 0, TimeSpan.Zero));
        Assert.Single(Reminders(site));
        Assert.Equal([Of(sent).Id], await TakenAsync(site));
    }

    [Fact]
    public async Task The_renew_link_puts_the_renewal_in_the_customers_cart_and_a_tampered_one_is_a_404()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Bought, withCustomer: false);
        await site.PaidOrderAsync(Buyer);
        await RemindOnAsync(site, new DateTimeOffset(2027, 5, 26, 9, 0, 0, TimeSpan.Zero));
        var customer = await site.SignInAsync(Buyer, TestSite.CustomerPassword);
        var link = new Uri(RenewLink().Match((await WaitForRemindersAsync(site, 1))[0].TextBody ?? string.Empty).Groups[1].Value);

        using (var anonymous = await site.CreateClient().GetAsync(link.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var tampered = await customer.GetAsync(link.PathAndQuery[..^4] + "AAAA"))
        {
            Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        }

        using (var otherKey = await customer.GetAsync(Regex.Replace(link.PathAndQuery, @"/licenses/\d+/", "/licenses/999999/")))
        {
            Assert.Equal(HttpStatusCode.NotFound, otherKey.StatusCode);
        }

        using var renew = await customer.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, renew.StatusCode);
        Assert.Equal("/cart", renew.Headers.Location!.OriginalString);
        var cart = await customer.GetDocumentAsync("/cart");
        Assert.Contains("2028-06-01", cart.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_in_the_mail_switches_reminders_off_without_signing_in_and_the_account_page_switches_them_back_on()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Bought, withCustomer: false);
        await site.PaidOrderAsync(Buyer);
        await RemindOnAsync(site, new DateTimeOffset(2027, 5, 2, 9, 0, 0, TimeSpan.Zero));
        var link = new Uri(OptOutLink().Match((await WaitForRemindersAsync(site, 1))[0].TextBody ?? string.Empty).Groups[1].Value);
        var visitor = site.CreateClient();

        using (var forged = await visitor.GetAsync("/account/reminders/off?token=forged"))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        // The GET only asks (a mail scanner following links changes nothing).
        var ask = await visitor.GetDocumentAsync(link.PathAndQuery);
        Assert.Equal("Switch renewal reminders off?", ask.QuerySelector("h1")!.TextContent.Trim());
        Assert.Empty(await OptOutsAsync(site));

        using var off = await visitor.SubmitFormAsync(ask, "form[action='/account/reminders/off']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Contains("Renewal reminders are off", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await OptOutsAsync(site));

        await RemindOnAsync(site, new DateTimeOffset(2027, 5, 26, 9, 0, 0, TimeSpan.Zero));
        Assert.Single(Reminders(site));

        var customer = await site.SignInAsync(Buyer, TestSite.CustomerPassword);
        var licenses = await customer.GetDocumentAsync("/account/licenses");
        Assert.Contains("Renewal reminders are off", licenses.QuerySelector("section.renewal-reminders")!.TextContent, StringComparison.Ordinal);
        using var on = await customer.SubmitFormAsync(licenses, "section.renewal-reminders form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Empty(await OptOutsAsync(site));
        Assert.Contains("Switch reminders off", (await customer.GetDocumentAsync("/account/licenses")).QuerySelector("section.renewal-reminders")!.TextContent, StringComparison.Ordinal);

        await RemindOnAsync(site, new DateTimeOffset(2027, 5, 27, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, (await WaitForRemindersAsync(site, 2)).Count);
    }

    [Fact]
    public async Task The_admin_sets_the_reminder_days_and_bad_days_are_refused_naming_the_field()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin/settings");
        Assert.Equal("30, 7, -3", page.QuerySelector("#RenewalReminderDays")!.GetAttribute("value"));

        Assert.Equal("Licensing settings saved.", await SaveDaysAsync(admin, "14, 1, -7"));
        Assert.Equal([14, 1, -7], await DaysAsync(site));

        Assert.StartsWith("Renewal reminders (days): enter whole numbers", await SaveDaysAsync(admin, "14; 1"), StringComparison.Ordinal);
        Assert.Equal("Renewal reminders (days): must each be between -365 and 365 (days before the expiry; negative after it).", await SaveDaysAsync(admin, "400"));
        Assert.Equal("Renewal reminders (days): must not name a day twice.", await SaveDaysAsync(admin, "7, 7"));
        Assert.Equal([14, 1, -7], await DaysAsync(site));

        Assert.Equal("Licensing settings saved.", await SaveDaysAsync(admin, string.Empty));
        Assert.Empty(await DaysAsync(site));
    }

    [Fact]
    public async Task The_licensing_settings_step_takes_the_reminder_days_and_names_a_bad_one()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        await LicensingArrange.RunRecipeAsync(site, new System.Text.Json.Nodes.JsonObject { ["name"] = "LicensingSettings", ["renewalReminderDays"] = new System.Text.Json.Nodes.JsonArray(60, -1) });
        Assert.Equal([60, -1], await DaysAsync(site));

        var bad = await LicensingArrange.TryRecipeAsync(site, new System.Text.Json.Nodes.JsonObject { ["name"] = "LicensingSettings", ["renewalReminderDays"] = new System.Text.Json.Nodes.JsonArray(7, "soon") });
        Assert.False(bad.Succeeded);
        Assert.Contains("field 'renewalReminderDays[1]': must be a whole number of days.", bad.Error, StringComparison.Ordinal);

        var outOfRange = await LicensingArrange.TryRecipeAsync(site, new System.Text.Json.Nodes.JsonObject { ["name"] = "LicensingSettings", ["renewalReminderDays"] = new System.Text.Json.Nodes.JsonArray(1000) });
        Assert.Contains("field 'renewalReminderDays': must each be between -365 and 365", outOfRange.Error, StringComparison.Ordinal);
        Assert.Equal([60, -1], await DaysAsync(site));
    }

    /// <summary>Moves the site clock (the worker wakes up) and runs the reminders once more from the test, racing it.</summary>
    internal static async Task RemindOnAsync(TestSite site, DateTimeOffset at)
    {
        site.Clock.SetUtcNow(at);
        await site.InScopeAsync(sp => sp.GetRequiredService<RenewalReminders>().SendDueAsync(CancellationToken.None));
    }

    internal static List<MimeMessage> Reminders(TestSite site) =>
        site.Mails().Where(m => (m.Subject ?? string.Empty).StartsWith("Your license for ", StringComparison.Ordinal)).ToList();

    /// <summary>The reminders once <paramref name="count"/> arrived (a reminder taken by the worker may still be on its way).</summary>
    internal static async Task<List<MimeMessage>> WaitForRemindersAsync(TestSite site, int count)
    {
        for (var i = 0; i < 100 && Reminders(site).Count < count; i++)
        {
            await Task.Delay(50);
        }

        return Reminders(site);
    }

    private static Task<List<int>> TakenAsync(TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().RenewalReminders.Select(r => r.LicenseId).ToListAsync());

    private static Task<List<ReminderOptOut>> OptOutsAsync(TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().ReminderOptOuts.AsNoTracking().ToListAsync());

    private static async Task<IReadOnlyList<int>> DaysAsync(TestSite site) =>
        await site.InScopeAsync(async sp => (await sp.GetRequiredService<LicensingSettingsStore>().GetAsync(CancellationToken.None)).ReminderDays);

    private static async Task<string> SaveDaysAsync(HttpClient admin, string days)
    {
        var page = await admin.GetDocumentAsync("/admin/settings");
        var values = new Dictionary<string, string> { ["RenewalReminderDays"] = days };
        using var response = await admin.SubmitFormAsync(page, "form.licensing-settings-form", values);
        var after = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        // The page's first notice is the save's (a standing one about the public address may follow).
        return after.QuerySelector(".notice")?.TextContent.Trim() ?? string.Empty;
    }

    [GeneratedRegex(@"Renew: (\S+)")]
    private static partial Regex RenewLink();

    [GeneratedRegex(@"Switch them off: (\S+)")]
    private static partial Regex OptOutLink();
}
