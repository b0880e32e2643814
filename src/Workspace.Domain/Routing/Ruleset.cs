using System.Globalization;
using Workspace.Domain.Conversations;
using Workspace.Domain.Validation;

namespace Workspace.Domain.Routing;

/// <summary>A condition as a lead writes it: field, operator, and the expected value(s) as text.</summary>
public sealed record RuleCondition(string Field, RuleOperator Operator, IReadOnlyList<string> Values);

/// <summary>Whom an agent choice should favour when the action asks for it.</summary>
public enum StickyPreference
{
    None,
    LastAgent,
    AccountOwner,
}

/// <summary>
/// What a matching rule does; a closed set, so every action is known to the engine and the editor.
/// <paramref name="ReplyTemplate"/> is the automation path: reply at once with that published template
/// (rendered for the customer, marked automated) and wait in the queue for the customer's answer. A rule
/// that names no team keeps the default rule's team, so every conversation is in some team's queue.
/// </summary>
public sealed record RuleActions(
    string? Team,
    IReadOnlyList<string> RequiredSkills,
    Priority? Priority,
    int? FirstResponseMinutes,
    int? ResolutionMinutes,
    StickyPreference Sticky = StickyPreference.None,
    string? ReplyTemplate = null);

/// <summary>One rule: conditions (all or any must hold) and actions. A rule without conditions always matches.</summary>
public sealed record RoutingRule(string Id, string Name, bool MatchAll, IReadOnlyList<RuleCondition> Conditions, RuleActions Actions)
{
    public bool IsCatchAll => Conditions.Count == 0;
}

/// <summary>
/// An ordered list of rules: the first that matches decides. The last rule must be a catch-all that
/// names a team, so every conversation lands somewhere.
/// </summary>
public sealed record Ruleset(int Version, IReadOnlyList<RoutingRule> Rules)
{
    public const int MaxRules = 500;
    public const int MaxNameLength = 100;
    public const int MaxIdLength = 64;
    public const int MaxSkills = 10;
    public const int MaxSkillLength = 40;

    /// <summary>Every problem, each naming the rule and condition it is about.</summary>
    public ValidationErrors Validate(IReadOnlyCollection<string>? knownTeams = null, IReadOnlyCollection<string>? knownTemplates = null,
        IReadOnlyCollection<string>? knownSkills = null)
    {
        var errors = new ValidationErrors();
        if (Rules.Count == 0)
        {
            errors.Add("rules", "A ruleset needs at least its default rule.");
            return errors;
        }
        if (Rules.Count > MaxRules)
        {
            errors.Add("rules", $"A ruleset holds at most {MaxRules} rules.");
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < Rules.Count; r++)
        {
            var rule = Rules[r];
            var at = $"rules[{r}]";
            if (!ids.Add(rule.Id))
            {
                errors.Add($"{at}.id", $"Rule id '{rule.Id}' is used twice.");
            }
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add($"{at}.name", "Give the rule a name.");
            }
            else if (rule.Name.Length > MaxNameLength)
            {
                errors.Add($"{at}.name", $"A rule name is at most {MaxNameLength} characters.");
            }
            if (rule.Id.Length is 0 or > MaxIdLength)
            {
                errors.Add($"{at}.id", $"A rule id is 1 to {MaxIdLength} characters.");
            }
            if (rule.IsCatchAll && r < Rules.Count - 1)
            {
                errors.Add($"{at}.conditions", $"“{rule.Name}” has no conditions, so it matches everything: the {Rules.Count - 1 - r} rule(s) after it could never match.");
            }
            for (var c = 0; c < rule.Conditions.Count; c++)
            {
                ValidateCondition(errors, $"{at}.conditions[{c}]", rule.Conditions[c]);
            }
            ValidateActions(errors, $"{at}.actions", rule.Actions, knownTeams, knownTemplates, knownSkills);
        }
        var last = Rules[^1];
        if (!last.IsCatchAll)
        {
            errors.Add("rules", "The last rule must be a default with no conditions, so every conversation is routed.");
        }
        else if (string.IsNullOrWhiteSpace(last.Actions.Team))
        {
            errors.Add($"rules[{Rules.Count - 1}].actions.team", "The default rule must route to a team.");
        }
        return errors;
    }

    private static void ValidateCondition(ValidationErrors errors, string at, RuleCondition condition)
    {
        if (RuleField.Find(condition.Field) is not { } field)
        {
            errors.Add($"{at}.field", $"Unknown field '{condition.Field}'. Known: {string.Join(", ", RuleField.All.Select(f => f.Key))}.");
            return;
        }
        if (!field.Operators.Contains(condition.Operator))
        {
            errors.Add($"{at}.operator", $"'{condition.Operator}' does not apply to {field.Label}; use {string.Join(", ", field.Operators)}.");
            return;
        }
        var expected = condition.Operator switch
        {
            RuleOperator.In or RuleOperator.NotIn => (Min: 1, Max: int.MaxValue),
            RuleOperator.Between => (Min: 2, Max: 2),
            _ => (Min: 1, Max: 1),
        };
        var values = condition.Values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (values.Count < expected.Min || values.Count > expected.Max)
        {
            errors.Add($"{at}.values", condition.Operator switch
            {
                RuleOperator.Between => "Between takes two values: the lowest and the highest.",
                RuleOperator.In or RuleOperator.NotIn => "Give one or more values.",
                _ => "Give exactly one value.",
            });
            return;
        }
        foreach (var value in values)
        {
            var problem = field.Type switch
            {
                RuleValueType.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : $"'{value}' is not a number.",
                RuleValueType.Boolean => value is "true" or "false" ? null : $"'{value}' must be true or false.",
                RuleValueType.Choice => field.Choices.Contains(value, StringComparer.Ordinal) ? null : $"'{value}' is not one of {string.Join(", ", field.Choices)}.",
                RuleValueType.Text or RuleValueType.Set => value.Length <= 100 ? null : "A value is at most 100 characters.",
            };
            if (problem is not null)
            {
                errors.Add($"{at}.values", problem);
            }
        }
    }

    private static void ValidateActions(ValidationErrors errors, string at, RuleActions actions, IReadOnlyCollection<string>? knownTeams,
        IReadOnlyCollection<string>? knownTemplates, IReadOnlyCollection<string>? knownSkills)
    {
        // A skill nobody has would keep every conversation the rule matches in the queue for good.
        foreach (var skill in actions.RequiredSkills.Where(s => knownSkills is not null && !knownSkills.Contains(s, StringComparer.Ordinal)))
        {
            errors.Add($"{at}.skills", $"No agent has the skill '{skill}'. Known: {string.Join(", ", knownSkills!)}.");
        }
        if (actions.ReplyTemplate is { } template && knownTemplates is not null && !knownTemplates.Contains(template, StringComparer.Ordinal))
        {
            errors.Add($"{at}.replyTemplate", $"There is no published template '{template}'.");
        }
        if (actions.Team is { } team && knownTeams is not null && !knownTeams.Contains(team, StringComparer.Ordinal))
        {
            errors.Add($"{at}.team", $"There is no team '{team}'.");
        }
        if (actions.RequiredSkills.Count > MaxSkills || actions.RequiredSkills.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > MaxSkillLength || s.Contains(',', StringComparison.Ordinal)))
        {
            errors.Add($"{at}.skills", $"Require at most {MaxSkills} skills, each 1 to {MaxSkillLength} characters without commas.");
        }
        if (actions.FirstResponseMinutes is <= 0 || actions.ResolutionMinutes is <= 0)
        {
            errors.Add($"{at}.sla", "SLA targets are a positive number of minutes.");
        }
        if (actions.FirstResponseMinutes is { } first && actions.ResolutionMinutes is { } resolution && resolution < first)
        {
            errors.Add($"{at}.sla", "The resolution target cannot be shorter than the first-response target.");
        }
        if (actions.Team is null && actions.RequiredSkills.Count == 0 && actions.Priority is null && actions.FirstResponseMinutes is null
            && actions.ResolutionMinutes is null && actions.Sticky == StickyPreference.None && actions.ReplyTemplate is null)
        {
            errors.Add(at, "A rule must do something: route, require skills, set priority or SLA, prefer an agent, or reply with a template.");
        }
    }

    /// <summary>Compiles a valid ruleset into predicates, once per version.</summary>
    public CompiledRuleset Compile()
    {
        var errors = Validate();
        if (!errors.IsEmpty)
        {
            throw new InvalidOperationException($"Ruleset {Version} is not valid: {errors}");
        }
        return new CompiledRuleset(this);
    }
}
