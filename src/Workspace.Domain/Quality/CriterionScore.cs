namespace Workspace.Domain.Quality;

/// <summary>
/// One line of a review's breakdown: the criterion, its score (null when not applicable) and how many of the
/// total's percentage points it contributed (null when not applicable), rounded to one decimal.
/// </summary>
public sealed record CriterionScore(string CriterionId, string Label, int Weight, int MaxScore, int? Score, decimal? Contribution, string? Comment)
{
    public bool IsNotApplicable => Score is null;
}
