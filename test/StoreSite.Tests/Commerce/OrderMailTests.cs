using System.Net;
using CP.Commerce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Commerce;

/// <summary>The order mails as the customer receives them, rendered from their Razor templates.</summary>
public sealed class OrderMailTests
{
    private const string Hostile = "<script>alert(1)</script> Builder";

    [Fact]
    public async Task The_confirmation_mail_lists_the_keys_in_both_parts_encodes_a_hostile_product_name_and_keeps_markup_out_of_the_text()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        await RenameProductAsync(site, Hostile);

        var (_, number) = await site.PaidOrderAsync("hostile@example.com", quantity: 2);

        var keys = (await LicensingArrange.AllAsync(site)).Select(l => l.Key).ToList();
        Assert.Equal(2, keys.Count);
        var mail = site.Mails().Single(m => m.Subject == $"Your order {number} at Test Store");
        var html = mail.HtmlBody ?? string.Empty;
        var text = mail.TextBody ?? string.Empty;
        Assert.All(keys, key => Assert.Contains($"<code>{key}</code>", html, StringComparison.Ordinal));
        Assert.All(keys, key => Assert.Contains(key, text, StringComparison.Ordinal));
        Assert.Contains("<h2>Your license keys</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; Builder</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"http://localhost/account/orders/{number}\">View your order</a>", html, StringComparison.Ordinal);

        Assert.Contains($"{Hostile} – Single site: 2 x 19.99 USD = 39.98 USD", text, StringComparison.Ordinal);
        Assert.Contains("Your license keys\n-----------------\n", text, StringComparison.Ordinal);
        Assert.Contains($"Your order: http://localhost/account/orders/{number}", text, StringComparison.Ordinal);
        var withoutNames = text.Replace(Hostile, string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("<", withoutNames, StringComparison.Ordinal);
        Assert.DoesNotContain(">", withoutNames, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_refund_notice_shows_the_reason_encoded_in_html_and_as_typed_in_the_text()
    {
        await using var site = TestSite.Start();
        var (_, number) = await site.PaidOrderAsync("refund.mail@example.com");
        var admin = await site.AdminAsync();

        using var refund = await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "<b>Duplicate</b> & more" });
        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);

        var notice = site.Mails().Single(m => m.Subject == $"Your order {number} has been refunded");
        var html = notice.HtmlBody ?? string.Empty;
        Assert.Contains("<p>Reason: &lt;b&gt;Duplicate&lt;/b&gt; &amp; more</p>", html, StringComparison.Ordinal);
        Assert.Contains("has been refunded in full: <strong>19.99 USD</strong>.", html, StringComparison.Ordinal);
        Assert.Contains("<td>Site Builder Pro</td>", html, StringComparison.Ordinal);
        Assert.Contains("Reason: <b>Duplicate</b> & more\n\nWhat was refunded:\nSite Builder Pro – Single site: 1 x 19.99 USD = 19.99 USD\nTotal: 19.99 USD\n", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Your order: http://localhost/account/orders/{number}", notice.TextBody, StringComparison.Ordinal);
    }

    private static async Task RenameProductAsync(TestSite site, string name)
    {
        var id = await site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.Where(p => p.Slug == Store.SiteBuilder).Select(p => p.Id).SingleAsync());
        var admin = await site.AdminAsync();
        using var saved = await admin.SubmitFormAsync($"/admin/products/{id}", "form.product-form", new Dictionary<string, string> { ["Name"] = name });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }
}
