namespace StoreSite.Web.Modules;

/// <summary>Re-reads the enabled modules every few seconds (changes made on other web nodes).</summary>
public sealed class ModuleStateRefresher(ModuleStateCache cache, ILogger<ModuleStateRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await cache.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not refresh the enabled modules");
            }
        }
    }
}
