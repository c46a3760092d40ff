using System.Text.Json;
using CP.Commerce.Confirmation;
using CP.Commerce.Events;
using CP.Commerce.Models;
using CP.Licensing.Confirmation;
using CP.Licensing.Controllers;
using CP.Licensing.Data;
using CP.Licensing.Handlers;
using CP.Licensing.Lifecycle;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite;
using StoreSite.Data;
using StoreSite.Settings;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.LicensingArrange;
using static StoreSite.Tests.Licensing.OrderArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>Issuance on OrderPaid and revocation on OrderRefunded, with hand-built orders.</summary>
public sealed class OrderLicensingTests
{
    private static readonly DateTimeOffset PaidAt = new(2028, 1, 31, 18, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Paid_order_issues_one_key_per_unit_of_each_licensed_line()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = PaidAt);
        await SavePlansAsync(site);
        var order = await OrderAsync(site, "SO-2028-000001", PaidAt,
            (SingleSitePlan, "Gallery Pro", 2),
            (UnlicensedPlan, "Support hours", 3),
            (FiveSitesMonthlyPlan, "Forms Plus", 1),
            (UnlimitedLifetimePlan, "Theme Kit", 1));

        await PaidAsync(site, order);

        var licenses = await AllAsync(site);
        Assert.Equal(4, licenses.Count);
        Assert.All(licenses, l =>
        {
            Assert.Equal("SO-2028-000001", l.OrderNumber);
            Assert.Equal(order.CustomerId, l.CustomerId);
            Assert.Equal(CustomerEmail, l.CustomerEmail);
            Assert.Null(l.RevokedAt);
        });
        Assert.Equal(new[] { (1, 1), (1, 2), (3, 1), (4, 1) }, licenses.Select(l => (l.LineNumber!.Value, l.UnitIndex!.Value)).Order().ToArray());
        var gallery = licenses.Where(l => l.LineNumber == 1).ToList();
        Assert.All(gallery, l =>
        {
            Assert.Equal("Gallery Pro", l.ProductName);
            Assert.Equal(new DateOnly(2029, 1, 31), l.ExpiresOn);
            Assert.Equal(1, l.MaxActivations);
            Assert.Equal(SingleSitePlan, l.PlanId);
        });
        var forms = licenses.Single(l => l.LineNumber == 3);
        Assert.Equal(new DateOnly(2028, 2, 29), forms.ExpiresOn);
        Assert.Equal(5, forms.MaxActivations);
        Assert.Equal(LicenseMatchRule.Domain, forms.MatchBy);
        var theme = licenses.Single(l => l.LineNumber == 4);
        Assert.Null(theme.ExpiresOn);
        Assert.Equal(0, theme.MaxActivations);
        var history = await LoadAsync(site, gallery[0].Key);
        Assert.Contains(history.Events, e => e.Kind == LicenseEventKind.Issued && e.Detail.Contains("SO-2028-000001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paying_an_order_twice_issues_no_second_key()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = PaidAt);
        await SavePlansAsync(site);
        var order = await OrderAsync(site, "SO-2028-000002", PaidAt, (SingleSitePlan, "Gallery Pro", 3));

        await PaidAsync(site, order);
        var first = (await AllAsync(site)).Select(l => l.Key).ToList();
        await PaidAsync(site, order);

        Assert.Equal(3, first.Count);
        Assert.Equal(first, (await AllAsync(site)).Select(l => l.Key).ToList());
    }

    [Fact]
    public async Task Database_refuses_a_second_key_for_the_same_order_line_unit()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = PaidAt);
        await SavePlansAsync(site);
        await PaidAsync(site, await OrderAsync(site, "SO-2028-000003", PaidAt, (SingleSitePlan, "Gallery Pro", 1)));

        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LicensingDbContext>();
            db.Licenses.Add(new License
            {
                Key = SignedKey(),
                CustomerId = "x",
                CustomerEmail = "x@example.com",
                ProductName = "Gallery Pro",
                OrderNumber = "SO-2028-000003",
                LineNumber = 1,
                UnitIndex = 1,
                IssuedAt = PaidAt,
            });
            await db.SaveChangesAsync();
        }));

        Assert.NotNull(duplicate);
        Assert.Single(await AllAsync(site));
    }

    [Fact]
    public async Task Key_paid_on_january_31_for_one_month_is_valid_on_february_29_and_expired_on_march_1()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = PaidAt);
        await SavePlansAsync(site);
        await PaidAsync(site, await OrderAsync(site, "SO-2028-000004", PaidAt, (FiveSitesMonthlyPlan, "Forms Plus", 1)));
        var key = Assert.Single(await AllAsync(site)).Key;
        var client = site.CreateClient();

        site.Clock.SetUtcNow(new DateTimeOffset(2028, 2, 29, 23, 59, 59, TimeSpan.Zero));
        using var lastDay = await VerifyAsync(client, key, "shop.example");
        site.Clock.SetUtcNow(new DateTimeOffset(2028, 3, 1, 0, 0, 0, TimeSpan.Zero));
        using var dayAfter = await VerifyAsync(client, key, "shop.example");

        Assert.Equal("2028-02-29", (await AssertValidAsync(lastDay)).GetProperty("expiry").GetString());
        await AssertFailureAsync(dayAfter, 403, "License expired.", "expired");
    }

    [Fact]
    public async Task Refund_revokes_every_key_of_the_order_and_verify_then_says_revoked()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = PaidAt);
        await SavePlansAsync(site);
        var order = await OrderAsync(site, "SO-2028-000005", PaidAt, (SingleSitePlan, "Gallery Pro", 2), (UnlimitedLifetimePlan, "Theme Kit", 1));
        var other = await OrderAsync(site, "SO-2028-000006", PaidAt, (SingleSitePlan, "Gallery Pro", 1));
        await PaidAsync(site, order);
        await PaidAsync(site, other);
        var client = site.CreateClient();
        var key = (await AllAsync(site)).First(l => l.OrderNumber == order.Number).Key;
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example"));

        site.Clock.Advance(TimeSpan.FromDays(3));
        await RefundedAsync(site, order, actor: "owner@example.com");

        var licenses = await AllAsync(site);
        Assert.All(licenses.Where(l => l.OrderNumber == order.Number), l =>
        {
            Assert.Equal(PaidAt.AddDays(3), l.RevokedAt);
            Assert.Equal("owner@example.com", l.RevokedBy);
            Assert.Equal("Order SO-2028-000005 refunded", l.RevocationReason);
        });
        Assert.Null(licenses.Single(l => l.OrderNumber == other.Number).RevokedAt);
        await AssertFailureAsync(await VerifyAsync(client, key, "shop.example"), 403, "License has been revoked.", "revoked");
        var history = await LoadAsync(site, key);
        Assert.Contains(history.Events, e => e.Kind == LicenseEventKind.Revoked && e.Actor == "owner@example.com" && e.Detail == "Order SO-2028-000005 refunded");
    }

    [Fact]
    public async Task Failing_revocation_rolls_the_whole_refund_transaction_back()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = PaidAt);
        await SavePlansAsync(site);
        var order = await OrderAsync(site, "SO-2028-000007", PaidAt, (SingleSitePlan, "Gallery Pro", 2));
        await PaidAsync(site, order);
        await site.InScopeAsync(async sp =>
        {
            var database = sp.GetRequiredService<SiteDatabase>();
            await database.OpenConnectionAsync();
            await using var trigger = database.CreateCommand(
                """CREATE TRIGGER "FailRevocationHistory" BEFORE INSERT ON "LicenseEvents" WHEN NEW."Kind" = 3 BEGIN SELECT RAISE(ABORT, 'history is unavailable'); END;""");
            await trigger.ExecuteNonQueryAsync();
        });

        var failure = await Record.ExceptionAsync(() => site.InScopeAsync(async sp =>
        {
            var database = sp.GetRequiredService<SiteDatabase>();
            await using var transaction = await database.BeginTransactionAsync();
            // What CP.Commerce does first in the same transaction: the order's own change (here, a marker setting).
            await sp.GetRequiredService<ISiteSettingsStore>().SaveAsync("RefundMarker", new SiteSettings { SiteName = "refunded" }, CancellationToken.None);
            var handler = sp.GetServices<IOrderEvents>().OfType<LicensingOrderEvents>().Single();
            await handler.OrderRefundedAsync(new OrderEventContext(order, OrderActor.System), CancellationToken.None);
            await transaction.CommitAsync();
        }));

        Assert.NotNull(failure);
        Assert.All(await AllAsync(site), l => Assert.Null(l.RevokedAt));
        var marker = await site.InScopeAsync(sp => sp.GetRequiredService<ISiteSettingsStore>().GetAsync<SiteSettings>("RefundMarker", CancellationToken.None));
        Assert.NotEqual("refunded", marker.SiteName);
    }

    [Fact]
    public async Task Order_without_licensed_lines_issues_nothing()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = PaidAt);
        await SavePlansAsync(site);

        await PaidAsync(site, await OrderAsync(site, "SO-2028-000008", PaidAt, (UnlicensedPlan, "Support hours", 2), (999, "Unknown plan", 1)));

        Assert.Empty(await AllAsync(site));
    }

    [Fact]
    public async Task Confirmation_email_section_lists_the_order_keys_with_markup_encoded()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = PaidAt);
        await SavePlansAsync(site);
        var order = await OrderAsync(site, "SO-2028-000009", PaidAt, (SingleSitePlan, "<script>alert(1)</script>", 1));
        await PaidAsync(site, order);
        var key = Assert.Single(await AllAsync(site)).Key;

        var section = await site.InScopeAsync(sp => sp.GetServices<IOrderConfirmationSection>().OfType<LicenseKeysConfirmationSection>().Single().BuildEmailSectionAsync(order, CancellationToken.None));
        var none = await site.InScopeAsync(async sp => await sp.GetServices<IOrderConfirmationSection>().OfType<LicenseKeysConfirmationSection>().Single()
            .BuildEmailSectionAsync(await OrderAsync(site, "SO-2028-000010", PaidAt, (UnlicensedPlan, "Support", 1)), CancellationToken.None));

        Assert.NotNull(section);
        Assert.Equal((typeof(LicenseKeysEmailHtml), typeof(LicenseKeysEmailText)), (section.HtmlComponent, section.TextComponent));
        var mail = site.Services.GetRequiredService<StoreSite.Mail.IMailRenderer>();
        var text = await mail.RenderTextAsync<LicenseKeysEmailText>(section.Parameters);
        var html = await mail.RenderHtmlAsync<LicenseKeysEmailHtml>(section.Parameters);
        Assert.Contains(key, text, StringComparison.Ordinal);
        Assert.Contains(key, html, StringComparison.Ordinal);
        Assert.Contains("valid until 2029-01-31", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Equal(typeof(OrderLicenseKeysViewComponent), new LicenseKeysConfirmationSection(null!).ViewComponent);
        Assert.Null(none);
    }

    [Fact]
    public async Task Manual_issuance_needs_a_known_customer_and_records_who_issued()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = PaidAt);

        var unknown = await site.InScopeAsync(sp => sp.GetRequiredService<LicenseIssuer>()
            .IssueAsync(new ManualLicenseRequest("nobody@example.com", "Gallery Pro"), TestSite.AdminEmail, CancellationToken.None));
        var negative = await site.InScopeAsync(sp => sp.GetRequiredService<LicenseIssuer>()
            .IssueAsync(new ManualLicenseRequest(CustomerEmail, "Gallery Pro", MaxActivations: -1), TestSite.AdminEmail, CancellationToken.None));
        var key = await IssueAsync(site, maxActivations: 3, expiresOn: new DateOnly(2030, 1, 1), matchBy: LicenseMatchRule.Ip);

        Assert.Equal(LicenseProblems.NoSuchCustomer, unknown.Problem);
        Assert.Equal(nameof(ManualLicenseRequest.CustomerEmail), unknown.Field);
        Assert.Equal("No account has this email.", LicenseActionMessages.IssueRefused(unknown.WithoutValue()));
        Assert.Equal(LicenseProblems.MaxActivationsOutOfRange, negative.Problem);
        Assert.Equal(nameof(ManualLicenseRequest.MaxActivations), negative.Field);
        var license = await LoadAsync(site, key);
        Assert.Equal(CustomerEmail, license.CustomerEmail);
        Assert.Equal(3, license.MaxActivations);
        Assert.Equal(LicenseMatchRule.Ip, license.MatchBy);
        Assert.Equal(new DateOnly(2030, 1, 1), license.ExpiresOn);
        Assert.Null(license.OrderNumber);
        Assert.Contains(license.Events, e => e.Kind == LicenseEventKind.Issued && e.Actor == TestSite.AdminEmail);
    }

    [Fact]
    public async Task Manual_revocation_needs_a_reason_and_keeps_the_first_revocation()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = PaidAt);
        var key = await IssueAsync(site);
        var id = (await LoadAsync(site, key)).Id;
        Task<Outcome> Revoke(int licenseId, string reason, string actor) =>
            site.InScopeAsync(sp => sp.GetRequiredService<LicenseRevoker>().RevokeAsync(licenseId, reason, actor, CancellationToken.None));

        await Assert.ThrowsAsync<ArgumentException>(() => Revoke(id, "   ", TestSite.AdminEmail));
        await Assert.ThrowsAsync<ArgumentException>(() => Revoke(id, "Abuse", " "));
        var first = await Revoke(id, "Key shared on a forum", TestSite.AdminEmail);
        site.Clock.Advance(TimeSpan.FromHours(1));
        var second = await Revoke(id, "Again", "other@example.com");
        var missing = await Revoke(id + 1000, "Whatever", TestSite.AdminEmail);

        Assert.True(first.Succeeded);
        Assert.Equal(LicenseProblems.AlreadyRevoked, second.Problem);
        Assert.Equal(LicenseProblems.NotFound, missing.Problem);
        var license = await LoadAsync(site, key);
        Assert.Equal(PaidAt, license.RevokedAt);
        Assert.Equal("Key shared on a forum", license.RevocationReason);
        Assert.Equal(TestSite.AdminEmail, license.RevokedBy);
        Assert.Single(license.Events, e => e.Kind == LicenseEventKind.Revoked);
    }
}
