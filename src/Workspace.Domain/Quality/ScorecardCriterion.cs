namespace Workspace.Domain.Quality;

/// <summary>
/// One thing a reviewer scores, from 0 to <paramref name="MaxScore"/>; its <paramref name="Weight"/> says how much it
/// counts against the other criteria. Where <paramref name="AllowNotApplicable"/> holds, the reviewer may leave it
/// out of the total (an "offered a refund" criterion on a conversation with nothing to refund).
/// </summary>
public sealed record ScorecardCriterion(string Id, string Label, string? Description, int Weight, int MaxScore, bool AllowNotApplicable = false);
