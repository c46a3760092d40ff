using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StoreSite.Data;
using StoreSite.Modules;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Every <see cref="Interval"/> on the site clock, sends the renewal reminders due
/// (<see cref="RenewalReminders"/>). Idle while the site is not set up or licensing is disabled. Every
/// node runs it; the database lets one node send each reminder.
/// </summary>
public sealed class RenewalReminderWorker(
    IServiceScopeFactory scopes,
    SiteConnection site,
    IModuleState modules,
    TimeProvider clock,
    ILogger<RenewalReminderWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (site.Current is null || !modules.IsEnabled(Manifest.Id))
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RenewalReminders>().SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not send the renewal reminders due");
            }
        }
    }
}
