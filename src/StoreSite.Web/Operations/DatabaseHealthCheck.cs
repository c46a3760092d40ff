using Microsoft.Extensions.Diagnostics.HealthChecks;
using StoreSite.Data;
using StoreSite.Web.Setup;

namespace StoreSite.Web.Operations;

/// <summary>Ready when the site is set up and its database answers.</summary>
public sealed class DatabaseHealthCheck(SiteState state, SiteConnection site) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.IsSetUp)
        {
            return HealthCheckResult.Unhealthy("The site is not set up yet.");
        }

        try
        {
            await using var connection = site.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{site.Provider} answers.");
        }
        catch (System.Data.Common.DbException ex)
        {
            return HealthCheckResult.Unhealthy($"{site.Provider} does not answer.", ex);
        }
    }
}
