using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workspace.Data.Database;

namespace Workspace.Web.Features.Health;

public sealed class DatabaseHealthCheck(Db db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{db.Options.Provider} database reachable.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{db.Options.Provider} database unreachable.", e);
        }
    }
}
