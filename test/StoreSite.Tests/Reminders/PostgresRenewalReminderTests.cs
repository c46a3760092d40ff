using CP.Licensing.Data;
using CP.Licensing.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Reminders;

/// <summary>
/// On PostgreSQL, several senders at once (as several nodes' workers are: each its own scope and
/// connection, plus the site's own worker) send each due reminder once: the database lets one take it.
/// </summary>
public sealed class PostgresRenewalReminderTests
{
    [Fact]
    public async Task Concurrent_senders_on_postgres_send_each_reminder_once()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(
            o =>
            {
                o.PostgresConnectionString = database.ConnectionString;
                o.Now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
            },
            withCustomer: false);
        await site.PaidOrderAsync(RenewalReminderTests.Buyer, quantity: 12);
        site.Clock.SetUtcNow(new DateTimeOffset(2027, 5, 26, 9, 0, 0, TimeSpan.Zero));

        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            site.InScopeAsync(sp => sp.GetRequiredService<RenewalReminders>().SendDueAsync(CancellationToken.None)))));

        var mails = await RenewalReminderTests.WaitForRemindersAsync(site, 12);
        Assert.Equal(12, mails.Count);
        Assert.True(sent.Sum() <= 12, $"the senders reported {sent.Sum()} reminders for 12 keys");
        var taken = await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().RenewalReminders.AsNoTracking().ToListAsync());
        Assert.Equal(12, taken.Count);
        Assert.All(taken, r => Assert.Equal(7, r.OffsetDays));
        await Task.Delay(500);
        Assert.Equal(12, RenewalReminderTests.Reminders(site).Count);
    }
}
