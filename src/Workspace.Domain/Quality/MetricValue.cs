namespace Workspace.Domain.Quality;

/// <summary>
/// A rate (0 to 1) or an average over <paramref name="N"/> items (the denominator: conversations or messages, as the
/// definition says). <paramref name="Value"/> is null when there is nothing to measure, never NaN.
/// </summary>
public sealed record MetricValue(double? Value, int N, string Definition);
