namespace Workspace.Domain.Quality;

/// <summary>
/// A reviewer's answer to one criterion: a score from 0 to the criterion's highest score, or not applicable
/// (<paramref name="Score"/> is null), with an optional comment.
/// </summary>
public sealed record CriterionAnswer(string CriterionId, int? Score, string? Comment = null)
{
    public bool IsNotApplicable => Score is null;

    public static CriterionAnswer Scored(string criterionId, int score, string? comment = null) => new(criterionId, score, comment);

    public static CriterionAnswer NotApplicable(string criterionId, string? comment = null) => new(criterionId, null, comment);
}
