namespace Workspace.Domain.Quality;

/// <summary>The metrics of the conversations opened in one day or week, starting on <paramref name="Start"/> (UTC).</summary>
public sealed record BucketMetrics(DateOnly Start, MetricSummary Metrics);
