namespace StoreSite.Web.Accounts;

/// <summary>Mails the reset links of <see cref="PasswordResetQueue"/>, one at a time, each in its own scope.</summary>
public sealed class PasswordResetWorker(PasswordResetQueue queue, IServiceScopeFactory scopes, ILogger<PasswordResetWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PasswordResetSender>().SendAsync(request.Email, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "A password reset request could not be handled");
            }
            finally
            {
                queue.Handled();
            }
        }
    }
}
