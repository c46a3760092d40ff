using System.Net;
using StoreSite.Settings;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host;

/// <summary>Dates people read are written in the store's time zone with the offset in force at that moment.</summary>
public sealed class SiteDatesTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    [InlineData("2026-03-29T00:30:00Z", "Europe/Paris", "2026-03-29 01:30 UTC+01:00")]
    [InlineData("2026-03-29T01:30:00Z", "Europe/Paris", "2026-03-29 03:30 UTC+02:00")]
    [InlineData("2026-10-25T00:30:00Z", "Europe/Paris", "2026-10-25 02:30 UTC+02:00")]
    [InlineData("2026-10-25T01:30:00Z", "Europe/Paris", "2026-10-25 02:30 UTC+01:00")]
    [InlineData("2026-01-15T03:00:00Z", "America/New_York", "2026-01-14 22:00 UTC-05:00")]
    [InlineData("2026-01-15T03:00:00Z", "Asia/Kathmandu", "2026-01-15 08:45 UTC+05:45")]
    [InlineData("2026-07-01T12:00:00Z", "Europe/London", "2026-07-01 13:00 UTC+01:00")]
    [InlineData("2026-01-01T12:00:00Z", "Europe/London", "2026-01-01 12:00 UTC+00:00")]
    [InlineData("2026-01-01T12:00:00Z", "UTC", "2026-01-01 12:00 UTC")]
    [InlineData("2026-01-01T12:00:00Z", "Mars/Olympus_Mons", "2026-01-01 12:00 UTC")]
    public void A_moment_is_written_in_the_zone_with_the_offset_of_that_moment(string at, string zone, string expected)
    {
        var moment = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, SiteDates.Format(moment, SiteDates.ZoneOf(zone)));
    }

    [Fact]
    public async Task Order_times_on_admin_and_customer_pages_follow_the_store_zone_across_the_spring_change()
    {
        await using var site = TestSite.Start(o => o.Now = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));
        var admin = await site.AdminAsync();
        using var saved = await admin.SubmitFormAsync("/admin/settings", "form[action='/admin/settings']", new Dictionary<string, string> { ["TimeZone"] = "Europe/Paris" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (customer, before) = await site.PaidOrderAsync("early@example.com");
        site.Clock.Advance(TimeSpan.FromHours(1));
        var (_, after) = await site.PaidOrderAsync("late@example.com");

        Assert.Contains("2026-03-29 01:30 UTC+01:00", (await admin.GetDocumentAsync($"/admin/orders/{before}")).Text("dl.details"), StringComparison.Ordinal);
        Assert.Contains("2026-03-29 03:30 UTC+02:00", (await admin.GetDocumentAsync($"/admin/orders/{after}")).Text("dl.details"), StringComparison.Ordinal);
        Assert.Contains("2026-03-29 01:30 UTC+01:00", (await customer.GetDocumentAsync($"/account/orders/{before}")).Text("dl.details"), StringComparison.Ordinal);
        var list = (await admin.GetDocumentAsync("/admin/orders")).Body!.TextContent;
        Assert.Contains("2026-03-29 01:30 UTC+01:00", list, StringComparison.Ordinal);
        Assert.Contains("2026-03-29 03:30 UTC+02:00", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Europe/Paris", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_users_pages_show_times_in_the_store_zone_not_in_utc()
    {
        await using var site = TestSite.Start(o => o.Now = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero));
        var admin = await site.AdminAsync();
        using var saved = await admin.SubmitFormAsync("/admin/settings", "form[action='/admin/settings']", new Dictionary<string, string> { ["TimeZone"] = "America/New_York" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var users = await admin.GetDocumentAsync("/admin/users");

        Assert.Contains("2026-07-01 06:00 UTC-04:00", users.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("10:00 UTC", users.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_zone_of_paris_has_a_daylight_saving_change_on_the_tested_day()
    {
        Assert.True(Paris.IsDaylightSavingTime(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero)));
        Assert.False(Paris.IsDaylightSavingTime(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero)));
    }
}
