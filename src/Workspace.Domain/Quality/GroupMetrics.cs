namespace Workspace.Domain.Quality;

/// <summary>The metrics of one group, for a table or a bar per team, agent, tier or stage.</summary>
public sealed record GroupMetrics(string Key, string Label, MetricSummary Metrics);
