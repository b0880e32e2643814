using Workspace.Data.Quality;

namespace Workspace.Web.Features.Metrics;

/// <summary>Loads the dashboard for a view: its period resolved against today's date, then the report's one query.</summary>
public sealed class MetricsService(MetricsQueries queries, TimeProvider clock)
{
    /// <summary>The dashboard for <paramref name="view"/>, or why its period cannot be shown.</summary>
    public async Task<(MetricsDashboard? Dashboard, string? Problem)> LoadAsync(MetricsView view, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Range(clock.GetUtcNow(), out var problem) is not { } range)
        {
            return (null, problem);
        }
        var report = await queries.ReportAsync(range.From, range.To, view.Grouping, view.Bucket, ct);
        return (new MetricsDashboard(report), null);
    }
}
