namespace Workspace.Domain.Quality;

/// <summary>
/// A time metric over <paramref name="N"/> conversations: the median and the 90th percentile, in the unit the
/// definition names; both null when <paramref name="N"/> is 0.
/// </summary>
public sealed record DurationMetric(double? Median, double? P90, int N, string Definition);
