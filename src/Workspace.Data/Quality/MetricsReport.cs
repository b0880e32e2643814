using Workspace.Domain.Quality;

namespace Workspace.Data.Quality;

/// <summary>
/// The dashboard for one period: every metric over all its conversations, per group of the chosen grouping (in the
/// order <see cref="Metrics.GroupBy"/> gives), and per day or week with every bucket of the period listed.
/// </summary>
public sealed record MetricsReport(
    DateTimeOffset From,
    DateTimeOffset To,
    MetricGrouping Grouping,
    TimeBucket Bucket,
    MetricSummary Overall,
    IReadOnlyList<GroupMetrics> Groups,
    IReadOnlyList<BucketMetrics> Series);
