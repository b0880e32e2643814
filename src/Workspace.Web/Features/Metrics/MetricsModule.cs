using Workspace.Data.Quality;

namespace Workspace.Web.Features.Metrics;

public static class MetricsModule
{
    public static IServiceCollection AddWorkspaceMetrics(this IServiceCollection services)
    {
        services.AddSingleton<MetricsQueries>();
        services.AddSingleton<MetricsService>();
        return services;
    }
}
