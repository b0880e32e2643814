using Workspace.Domain.Validation;

namespace Workspace.Domain.Quality;

/// <summary>
/// A reviewer's review of one conversation against a scorecard: an answer per criterion, an overall comment,
/// and flags that feed routing accuracy and template feedback.
/// </summary>
public sealed record ReviewInput(IReadOnlyList<CriterionAnswer> Answers, string? Comment, IReadOnlyList<ReviewFlag> Flags)
{
    public const int MaxAnswerCommentLength = 1000;
    public const int MaxCommentLength = 4000;

    /// <summary>Whether the reviewer flagged wrong routing, which counts against the rule that routed the conversation.</summary>
    public bool FlagsWrongRouting => Flags.OfType<WrongRouting>().Any();

    /// <summary>Whether the reviewer flagged this template version as a misfit for the conversation.</summary>
    public bool FlagsMisfit(string templateKey, int templateVersion) =>
        Flags.OfType<TemplateMisfit>().Any(f => string.Equals(f.TemplateKey, templateKey, StringComparison.Ordinal) && f.TemplateVersion == templateVersion);

    /// <summary>
    /// Every problem against <paramref name="scorecard"/>, keyed <c>answers.{criterion id}</c> so each message can sit
    /// beside its criterion.
    /// </summary>
    public ValidationErrors Validate(Scorecard scorecard)
    {
        var errors = new ValidationErrors();
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in Answers)
        {
            var at = $"answers.{answer.CriterionId}";
            if (scorecard.Find(answer.CriterionId) is not { } criterion)
            {
                errors.Add(at, $"'{answer.CriterionId}' is not a criterion of the scorecard “{scorecard.Name}”.");
                continue;
            }
            if (!answered.Add(criterion.Id))
            {
                errors.Add(at, $"“{criterion.Label}” is answered more than once.");
                continue;
            }
            if (answer.Score is not { } score)
            {
                if (!criterion.AllowNotApplicable)
                {
                    errors.Add(at, $"“{criterion.Label}” always applies; give it a score from 0 to {criterion.MaxScore}.");
                }
            }
            else if (score < 0 || score > criterion.MaxScore)
            {
                errors.Add(at, $"“{criterion.Label}” is scored from 0 to {criterion.MaxScore} (got {score}).");
            }
            Check.OptionalText(errors, $"{at}.comment", answer.Comment, MaxAnswerCommentLength);
        }
        foreach (var criterion in scorecard.Criteria.Where(c => !answered.Contains(c.Id)))
        {
            errors.Add($"answers.{criterion.Id}", criterion.AllowNotApplicable
                ? $"“{criterion.Label}” has no answer; score it or mark it not applicable."
                : $"“{criterion.Label}” has no score.");
        }
        Check.OptionalText(errors, "comment", Comment, MaxCommentLength);
        for (var i = 0; i < Flags.Count; i++)
        {
            errors.Merge($"flags[{i}]", Flags[i].Validate());
        }
        if (Flags.OfType<WrongRouting>().Count() > 1)
        {
            errors.Add("flags", "Flag wrong routing once, with the one team the conversation should have gone to.");
        }
        foreach (var twice in Flags.OfType<TemplateMisfit>().GroupBy(f => (f.TemplateKey, f.TemplateVersion)).Where(g => g.Count() > 1))
        {
            errors.Add("flags", $"Template '{twice.Key.TemplateKey}' version {twice.Key.TemplateVersion} is flagged more than once.");
        }
        return errors;
    }
}
