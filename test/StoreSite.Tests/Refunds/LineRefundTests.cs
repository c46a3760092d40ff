using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CP.Commerce.Events;
using CP.Commerce.Models;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Renewals.RenewalArrange;

namespace StoreSite.Tests.Refunds;

/// <summary>Admin -> Orders -> Refund with lines ticked: the provider refunds their total, each line is undone by its kind, the order is PartiallyRefunded until every line is.</summary>
public sealed class LineRefundTests
{
    private static readonly DateTimeOffset BoughtAt = new(2028, 2, 29, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public Task A_three_line_order_refunded_line_by_line_refunds_each_lines_amount_and_undoes_only_that_line() =>
        RefundLineByLineAsync(postgres: null);

    [Fact]
    public async Task A_three_line_order_refunded_line_by_line_works_the_same_on_postgres()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await RefundLineByLineAsync(database.ConnectionString);
    }

    /// <summary>Refunds a new line, then the renewal, then the last line of a three-line order, checking each step.</summary>
    private static async Task RefundLineByLineAsync(string? postgres)
    {
        await using var site = await LicensingSite.StartAsync(o => { o.Now = BoughtAt; o.PostgresConnectionString = postgres; }, withCustomer: false);
        var (customer, _, bought) = await BuyAsync(site);
        var renewed = bought[0];
        var number = await ThreeLineOrderAsync(site, customer, renewed.Id);
        var order = await site.OrderAsync(number);
        var single = order.Lines.Single(l => l.Kind == OrderLineKind.New && l.PlanName == Store.SingleSite);
        var agency = order.Lines.Single(l => l.PlanName == Store.Agency);
        var renewal = order.Lines.Single(l => l.Kind == OrderLineKind.Renewal);
        var keys = (await LicensingArrange.AllAsync(site)).Where(l => l.OrderNumber == number).ToList();
        Assert.Equal("2030-02-28", await VerifiedExpiryAsync(site, renewed.Key));
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync($"/admin/orders/{number}/refund");
        var boxes = page.QuerySelectorAll("form.refund-form input[name='Lines']").Cast<IHtmlInputElement>().ToList();
        Assert.Equal(3, boxes.Count);
        Assert.All(boxes, b => Assert.True(b.IsChecked));
        Assert.Equal(Money(order.Total), page.Text("#refund-total"));

        using (var first = await RefundArrange.PostLinesAsync(admin, page, "Wrong plan", single.LineNumber))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        order = await site.OrderAsync(number);
        Assert.Equal(OrderStatus.PartiallyRefunded, order.Status);
        Assert.Equal(single.LineTotal, order.Lines.Single(l => l.LineNumber == single.LineNumber).RefundedAmount);
        Assert.All(order.Lines.Where(l => l.LineNumber != single.LineNumber), l => Assert.Null(l.RefundedAt));
        var call = site.Payments().RefundCalls.Last(c => c.OrderNumber == number);
        Assert.Equal(single.LineTotal, call.Amount);
        Assert.Equal([single.LineNumber], call.LineNumbers!);
        var after = (await LicensingArrange.AllAsync(site)).Where(l => l.OrderNumber == number).ToList();
        Assert.All(after.Where(k => k.LineNumber == single.LineNumber), k => Assert.NotNull(k.RevokedAt));
        Assert.All(after.Where(k => k.LineNumber == agency.LineNumber), k => Assert.Null(k.RevokedAt));
        Assert.False(await ValidAsync(site, after.First(k => k.LineNumber == single.LineNumber).Key));
        Assert.True(await ValidAsync(site, after.First(k => k.LineNumber == agency.LineNumber).Key));
        Assert.Equal("2030-02-28", await VerifiedExpiryAsync(site, renewed.Key));
        var detail = await admin.GetDocumentAsync($"/admin/orders/{number}");
        Assert.Equal("Partially refunded", detail.Text(".order-status"));
        Assert.Contains($"Line {single.LineNumber} refunded", detail.Text(".timeline"), StringComparison.Ordinal);
        Assert.Contains($"{Money(single.LineTotal)} refunded by Test payment", detail.Text(".timeline"), StringComparison.Ordinal);
        var partly = Assert.Single(site.Mails(), m => m.Subject == $"Your order {number} has been partly refunded");
        Assert.Contains($"Part of your order {number} at Test Store has been refunded: {Money(single.LineTotal)}.", partly.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reason: Wrong plan", partly.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{single.ProductName} – {single.PlanName}: {Money(single.LineTotal)}", partly.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Store.Agency, partly.TextBody, StringComparison.Ordinal);
        Assert.Contains($"has been refunded: <strong>{Money(single.LineTotal)}</strong>", partly.HtmlBody, StringComparison.Ordinal);

        page = await admin.GetDocumentAsync($"/admin/orders/{number}/refund");
        Assert.Equal(2, page.QuerySelectorAll("form.refund-form input[name='Lines']").Length);
        (await RefundArrange.PostLinesAsync(admin, page, "Renewed by mistake", renewal.LineNumber)).Dispose();
        Assert.Equal(OrderStatus.PartiallyRefunded, (await site.OrderAsync(number)).Status);
        Assert.Equal("2029-02-28", await VerifiedExpiryAsync(site, renewed.Key));
        Assert.Null((await LicensingArrange.LoadAsync(site, renewed.Key)).RevokedAt);
        Assert.True(await ValidAsync(site, after.First(k => k.LineNumber == agency.LineNumber).Key));

        (await RefundArrange.PostLinesAsync(admin, await admin.GetDocumentAsync($"/admin/orders/{number}/refund"), "All back", agency.LineNumber)).Dispose();
        order = await site.OrderAsync(number);
        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.NotNull(order.RefundedAt);
        Assert.All(order.Lines, l => Assert.Equal(l.LineTotal, l.RefundedAmount));
        Assert.Equal(2, site.Mails().Count(m => m.Subject == $"Your order {number} has been partly refunded"));
        Assert.Contains("refunded in full", Assert.Single(site.Mails(), m => m.Subject == $"Your order {number} has been refunded").TextBody, StringComparison.Ordinal);
        Assert.Equal(
            [(single.LineTotal, single.LineNumber), (renewal.LineTotal, renewal.LineNumber), (agency.LineTotal, agency.LineNumber)],
            site.Payments().RefundCalls.Where(c => c.OrderNumber == number).Select(c => (c.Amount, c.LineNumbers!.Single())).ToList());
        Assert.All((await LicensingArrange.AllAsync(site)).Where(l => l.OrderNumber == number), k => Assert.NotNull(k.RevokedAt));
        Assert.Equal(keys.Count, (await LicensingArrange.AllAsync(site)).Count(l => l.OrderNumber == number));

        var mine = await customer.GetDocumentAsync($"/account/orders/{number}");
        Assert.Equal(3, mine.QuerySelectorAll(".order-lines .badge-muted").Count(b => b.TextContent.Trim() == "Refunded"));
        using var again = await admin.GetAsync($"/admin/orders/{number}/refund");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Two_renewals_then_a_refund_of_the_first_leave_the_original_expiry_plus_the_seconds_validity()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, _, keys) = await BuyAsync(site);
        var key = keys[0];
        var firstRenewal = await RenewAndPayAsync(customer, key.Id);
        await RenewAndPayAsync(customer, key.Id);
        Assert.Equal("2031-02-28", await VerifiedExpiryAsync(site, key.Key));

        var admin = await site.AdminAsync();
        (await admin.SubmitFormAsync($"/admin/orders/{firstRenewal}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "First one by mistake" })).Dispose();

        Assert.Equal(new DateOnly(2030, 2, 28), (await LicensingArrange.LoadAsync(site, key.Key)).ExpiresOn);
        Assert.Equal("2030-02-28", await VerifiedExpiryAsync(site, key.Key));
    }

    [Fact]
    public async Task A_failing_handler_rolls_back_that_lines_refund_only_and_the_same_lines_again_finish_it_without_refunding_twice()
    {
        var events = new RecordingOrderEvents();
        await using var site = await LicensingSite.StartAsync(o => { o.Now = BoughtAt; o.Services = s => s.AddSingleton<IOrderEvents>(events); }, withCustomer: false);
        var (customer, _, bought) = await BuyAsync(site);
        var number = await ThreeLineOrderAsync(site, customer, bought[0].Id);
        var order = await site.OrderAsync(number);
        var (one, two) = (order.Lines[0].LineNumber, order.Lines[1].LineNumber);
        var admin = await site.AdminAsync();
        (await RefundArrange.PostLinesAsync(admin, await admin.GetDocumentAsync($"/admin/orders/{number}/refund"), "first", one)).Dispose();

        events.FailLinesRefund = context => context.RefundedLines.Any(l => l.LineNumber == two) ? "database connection lost" : null;
        using (var failed = await RefundArrange.PostLinesAsync(admin, await admin.GetDocumentAsync($"/admin/orders/{number}/refund"), "second", two))
        {
            Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        }

        var detail = await admin.GetDocumentAsync($"/admin/orders/{number}");
        Assert.Contains("the store could not undo them", detail.Text(".notice-error"), StringComparison.Ordinal);
        order = await site.OrderAsync(number);
        Assert.Equal(OrderStatus.PartiallyRefunded, order.Status);
        Assert.NotNull(order.Lines.Single(l => l.LineNumber == one).RefundedAt);
        Assert.Null(order.Lines.Single(l => l.LineNumber == two).RefundedAt);
        Assert.All((await LicensingArrange.AllAsync(site)).Where(l => l.OrderNumber == number && l.LineNumber == two), k => Assert.Null(k.RevokedAt));
        var refundsBefore = site.Payments().RefundsOf(number);

        events.FailLinesRefund = null;
        (await RefundArrange.PostLinesAsync(admin, await admin.GetDocumentAsync($"/admin/orders/{number}/refund"), "second", two)).Dispose();
        Assert.NotNull((await site.OrderAsync(number)).Lines.Single(l => l.LineNumber == two).RefundedAt);
        Assert.Equal(refundsBefore, site.Payments().RefundsOf(number));
    }

    [Theory]
    [InlineData(new string[0], "Choose at least one line to refund.")]
    [InlineData(new[] { "abc" }, "abc")]
    [InlineData(new[] { "-1" }, "Line '-1' is not a line of order")]
    [InlineData(new[] { "99" }, "Line '99' is not a line of order")]
    [InlineData(new[] { "1", "1" }, "a line named twice")]
    [InlineData(new[] { "2147483648" }, "2147483648")]
    public async Task Lines_that_are_none_garbage_or_not_the_orders_are_refused_next_to_the_field_and_nothing_changes(string[] lines, string message)
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, _, bought) = await BuyAsync(site);
        var number = await ThreeLineOrderAsync(site, customer, bought[0].Id);
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync($"/admin/orders/{number}/refund");

        using var response = await RefundArrange.PostLinesAsync(admin, page, "reason", lines);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await Html.MessagesAsync(response), StringComparison.Ordinal);
        var order = await site.OrderAsync(number);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.All(order.Lines, l => Assert.Null(l.RefundedAt));
        Assert.DoesNotContain(site.Payments().RefundCalls, c => c.OrderNumber == number);
    }

    [Fact]
    public async Task An_already_refunded_line_is_refused_and_nothing_changes()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = BoughtAt, withCustomer: false);
        var (customer, _, bought) = await BuyAsync(site);
        var number = await ThreeLineOrderAsync(site, customer, bought[0].Id);
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync($"/admin/orders/{number}/refund");
        (await RefundArrange.PostLinesAsync(admin, page, "first", 1)).Dispose();

        using var response = await RefundArrange.PostLinesAsync(admin, page, "again", 1, 2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Line 1 of this order has already been refunded", await Html.MessagesAsync(response), StringComparison.Ordinal);
        var order = await site.OrderAsync(number);
        Assert.Null(order.Lines.Single(l => l.LineNumber == 2).RefundedAt);
        Assert.Single(site.Payments().RefundCalls, c => c.OrderNumber == number);
    }

    /// <summary>A paid order of three lines: the renewal of <paramref name="licenseId"/>, one Single site, one Agency.</summary>
    private static async Task<string> ThreeLineOrderAsync(TestSite site, HttpClient customer, int licenseId)
    {
        (await RenewFromListAsync(customer, licenseId)).Dispose();
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.SingleSite)).Dispose();
        (await customer.AddToCartAsync(Store.SiteBuilder, Store.Agency)).Dispose();
        using var paid = await customer.CheckoutAsync();
        var number = paid.Headers.Location!.OriginalString["/checkout/done/".Length..];
        Assert.Equal(3, (await site.OrderAsync(number)).Lines.Count);
        return number;
    }

    private static async Task<string> RenewAndPayAsync(HttpClient customer, int licenseId)
    {
        (await RenewFromListAsync(customer, licenseId)).Dispose();
        using var paid = await customer.CheckoutAsync();
        return paid.Headers.Location!.OriginalString["/checkout/done/".Length..];
    }

    private static async Task<bool> ValidAsync(TestSite site, string key)
    {
        using var response = await LicensingArrange.VerifyAsync(site.CreateClient(), key, "line-refund.example.com", from: "198.51.100.8");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("valid").GetBoolean();
    }

    private static string Money(decimal amount) => CP.Commerce.Services.Money.Format(amount, "USD");
}
