using CP.Licensing.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.LicensingPages;

/// <summary>The admin order page lists the keys issued for each line (through the licensing module's order admin section).</summary>
public sealed class OrderKeysAdminTests
{
    [Fact]
    public async Task The_admin_order_page_lists_each_lines_keys_with_links_and_status_and_links_the_customer()
    {
        await using var site = TestSite.Start();
        var (_, number) = await site.PaidOrderAsync("keys.buyer@example.com", quantity: 2);
        var keys = await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().Licenses.AsNoTracking()
            .Where(l => l.OrderNumber == number).OrderBy(l => l.UnitIndex).Select(l => new { l.Id, l.Key, l.CustomerId }).ToListAsync());
        Assert.Equal(2, keys.Count);
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync($"/admin/orders/{number}");

        var rows = page.QuerySelectorAll("table.order-license-keys tbody tr").ToList();
        Assert.Equal(keys.Select(k => k.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.GetAttribute("data-license-id")));
        foreach (var (row, key) in rows.Zip(keys))
        {
            var link = row.QuerySelector("a")!;
            Assert.Equal(key.Key, link.TextContent.Trim());
            Assert.Equal($"/admin/licenses/{key.Id}", link.GetAttribute("href"));
            Assert.Equal("Active", row.QuerySelector(".license-status.badge-active")?.TextContent.Trim());
        }

        Assert.Equal("1, unit 1", rows[0].QuerySelector("td")?.TextContent.Trim());
        Assert.Equal("1, unit 2", rows[1].QuerySelector("td")?.TextContent.Trim());
        var customer = page.QuerySelector("dd.order-customer a")!;
        Assert.Equal("keys.buyer@example.com", customer.TextContent.Trim());
        Assert.Equal($"/admin/users/{keys[0].CustomerId}", customer.GetAttribute("href"));

        var keyPage = await admin.GetDocumentAsync($"/admin/licenses/{keys[0].Id}");
        Assert.Contains(keyPage.QuerySelectorAll("a").Select(a => a.GetAttribute("href")), href => href == $"/admin/orders/{number}");
    }

    [Fact]
    public async Task An_order_without_keys_shows_no_keys_section()
    {
        await using var site = TestSite.Start();
        var (_, number) = await site.PaidOrderAsync("nokeys@example.com");
        await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().Licenses.Where(l => l.OrderNumber == number).ExecuteDeleteAsync());
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync($"/admin/orders/{number}");

        Assert.Null(page.QuerySelector("table.order-license-keys"));
        Assert.Null(page.QuerySelector("#license-keys"));
    }
}
