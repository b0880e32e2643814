namespace Workspace.Domain.Quality;

/// <summary>
/// Totals a review: Σ(weight × score ÷ highest score) ÷ Σ(weight of the applicable criteria) × 100. A criterion
/// marked not applicable leaves both sums, so it neither helps nor hurts.
/// </summary>
public static class ScoreCalculator
{
    public const string Definition =
        "Σ(weight × score ÷ highest score) ÷ Σ(weight of applicable criteria) × 100, one decimal; criteria marked not applicable are left out, and a review with none applicable is not scorable.";

    /// <exception cref="ArgumentException">The review does not answer the scorecard validly.</exception>
    public static ScoreResult Total(Scorecard scorecard, ReviewInput review)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(review);
        var errors = review.Validate(scorecard);
        if (!errors.IsEmpty)
        {
            throw new ArgumentException($"The review does not fit the scorecard “{scorecard.Name}”: {errors.Messages}", nameof(review));
        }
        var answers = review.Answers.ToDictionary(a => a.CriterionId, StringComparer.Ordinal);
        var applicableWeight = scorecard.Criteria.Where(c => answers[c.Id].Score is not null).Sum(c => c.Weight);
        if (applicableWeight == 0)
        {
            return new ScoreResult(null, scorecard.Criteria.Select(c => Line(c, answers[c.Id], null)).ToList());
        }
        var breakdown = new List<CriterionScore>(scorecard.Criteria.Count);
        var points = 0m;
        foreach (var criterion in scorecard.Criteria)
        {
            var answer = answers[criterion.Id];
            decimal? contribution = null;
            if (answer.Score is { } score)
            {
                var share = criterion.Weight * (decimal)score / criterion.MaxScore / applicableWeight * 100m;
                points += share;
                contribution = share;
            }
            breakdown.Add(Line(criterion, answer, contribution));
        }
        // The total is rounded from the exact sum, so it can differ by a tenth from the sum of the rounded lines.
        return new ScoreResult(Round(points), breakdown);
    }

    private static CriterionScore Line(ScorecardCriterion criterion, CriterionAnswer answer, decimal? contribution) =>
        new(criterion.Id, criterion.Label, criterion.Weight, criterion.MaxScore, answer.Score, contribution is { } c ? Round(c) : null, answer.Comment?.Trim() is { Length: > 0 } comment ? comment : null);

    private static decimal Round(decimal value) => decimal.Round(value, 1, MidpointRounding.AwayFromZero);
}
