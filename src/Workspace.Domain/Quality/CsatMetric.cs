namespace Workspace.Domain.Quality;

/// <summary>
/// Customer satisfaction over <paramref name="N"/> rated conversations: the average rating (1–5) and the share
/// rated 4 or 5; both null when nothing was rated.
/// </summary>
public sealed record CsatMetric(double? Average, double? SatisfiedShare, int N, string Definition);
