namespace Workspace.Domain.Quality;

/// <summary>
/// A review's total as a percentage from 0 to 100 with one decimal, or null when every criterion was not
/// applicable (the review is not scorable and stays out of QA averages), with the breakdown per criterion.
/// </summary>
public sealed record ScoreResult(decimal? Percent, IReadOnlyList<CriterionScore> Breakdown)
{
    public bool IsScorable => Percent is not null;
}
