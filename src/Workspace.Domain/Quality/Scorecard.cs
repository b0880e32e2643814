using Workspace.Domain.Validation;

namespace Workspace.Domain.Quality;

/// <summary>
/// What reviewers score a conversation against, as admins and leads define it: criteria in the order the
/// reviewer sees them.
/// </summary>
public sealed record Scorecard(string Key, string Name, IReadOnlyList<ScorecardCriterion> Criteria)
{
    public const int MaxCriteria = 30;
    public const int MinWeight = 1;
    public const int MaxWeight = 100;
    public const int MinMaxScore = 1;
    public const int MaxMaxScore = 10;
    public const int MaxLabelLength = 100;
    public const int MaxDescriptionLength = 500;

    public ScorecardCriterion? Find(string criterionId) => Criteria.FirstOrDefault(c => string.Equals(c.Id, criterionId, StringComparison.Ordinal));

    /// <summary>Every problem, each naming the criterion it is about.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        Check.ExternalId(errors, "key", Key);
        RequiredText(errors, "name", Name, MaxLabelLength, "Give the scorecard a name.");
        if (Criteria.Count == 0)
        {
            errors.Add("criteria", "A scorecard needs at least one criterion.");
            return errors;
        }
        if (Criteria.Count > MaxCriteria)
        {
            errors.Add("criteria", $"A scorecard holds at most {MaxCriteria} criteria (got {Criteria.Count}).");
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Criteria.Count; i++)
        {
            var criterion = Criteria[i];
            var at = $"criteria[{i}]";
            if (Check.ExternalId(errors, $"{at}.id", criterion.Id) is { } id && !ids.Add(id))
            {
                errors.Add($"{at}.id", $"Criterion id '{id}' is used twice.");
            }
            RequiredText(errors, $"{at}.label", criterion.Label, MaxLabelLength, $"Give criterion {i + 1} a label.");
            Check.OptionalText(errors, $"{at}.description", criterion.Description, MaxDescriptionLength);
            if (criterion.Weight is < MinWeight or > MaxWeight)
            {
                errors.Add($"{at}.weight", $"The weight must be from {MinWeight} to {MaxWeight} (got {criterion.Weight}).");
            }
            if (criterion.MaxScore is < MinMaxScore or > MaxMaxScore)
            {
                errors.Add($"{at}.maxScore", $"The highest score must be from {MinMaxScore} to {MaxMaxScore} (got {criterion.MaxScore}).");
            }
        }
        return errors;
    }

    private static void RequiredText(ValidationErrors errors, string field, string? value, int maxLength, string whenBlank)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, whenBlank);
            return;
        }
        Check.OptionalText(errors, field, value, maxLength);
    }
}
