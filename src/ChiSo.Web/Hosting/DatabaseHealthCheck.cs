using ChiSo.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChiSo.Web.Hosting;

/// <summary>Ready only when the database answers.</summary>
internal sealed class DatabaseHealthCheck(ChiSoDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
