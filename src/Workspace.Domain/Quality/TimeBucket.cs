namespace Workspace.Domain.Quality;

/// <summary>The width of a point on a chart over time: a UTC day, or an ISO week starting Monday (UTC).</summary>
public enum TimeBucket
{
    Day,
    Week,
}
