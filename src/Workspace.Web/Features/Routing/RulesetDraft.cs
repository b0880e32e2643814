using Workspace.Domain.Conversations;
using Workspace.Domain.Routing;
using Workspace.Domain.Validation;

namespace Workspace.Web.Features.Routing;

/// <summary>The routing being edited, as plain state: the editor changes it and validates it on every change, without rendering.</summary>
public sealed class RulesetDraft
{
    public List<RuleDraft> Rules { get; } = [];

    public Dictionary<Intent, string> Phrases { get; } = [];

    public Dictionary<string, int> Weights { get; } = new(StringComparer.Ordinal);

    public static RulesetDraft From(RoutingDefinition definition)
    {
        var draft = new RulesetDraft();
        draft.Rules.AddRange(definition.Rules.Select(RuleDraft.From));
        foreach (var intent in Enum.GetValues<Intent>())
        {
            draft.Phrases[intent] = string.Join(", ", definition.IntentPhrases.TryGetValue(intent, out var list) ? list : []);
        }
        foreach (var (name, value) in RoutingDefinition.WeightsOf(definition.Weights))
        {
            draft.Weights[name] = value;
        }
        return draft;
    }

    public RoutingDefinition ToDefinition()
    {
        int W(string name) => Weights.TryGetValue(name, out var v) ? v : 0;
        var weights = new ComplexityWeights(
            Enum.GetValues<Intent>().ToDictionary(i => i, i => W($"intent {i}")),
            W("per advanced area"), W("advanced area cap"), W("per integration"), W("integration cap"),
            W("per open issue"), W("open issue cap"), W("per escalation"), W("escalation cap"));
        return new RoutingDefinition(
            Rules.Select(r => r.ToRule()).ToList(),
            Phrases.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
            weights);
    }

    public ValidationErrors Validate(IReadOnlyCollection<string> teams, IReadOnlyCollection<string> templates, IReadOnlyCollection<string> skills) =>
        ToDefinition().Validate(teams, templates, skills);

    /// <summary>A new rule goes just above the default rule, which must stay last.</summary>
    public RuleDraft AddRule()
    {
        var rule = new RuleDraft
        {
            Id = NewId(),
            Name = "New rule",
            Conditions = { new RuleConditionDraft() },
        };
        Rules.Insert(Math.Max(0, Rules.Count - 1), rule);
        return rule;
    }

    public void Move(int index, int by)
    {
        var target = index + by;
        if (index < 0 || index >= Rules.Count || target < 0 || target >= Rules.Count)
        {
            return;
        }
        (Rules[index], Rules[target]) = (Rules[target], Rules[index]);
    }

    private string NewId()
    {
        for (var n = Rules.Count + 1; ; n++)
        {
            var id = $"rule-{n}";
            if (Rules.All(r => r.Id != id))
            {
                return id;
            }
        }
    }
}

public sealed class RuleDraft
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public bool MatchAll { get; set; } = true;
    public List<RuleConditionDraft> Conditions { get; init; } = [];
    public string? Team { get; set; }
    public string Skills { get; set; } = "";
    public Priority? Priority { get; set; }
    public int? FirstResponseMinutes { get; set; }
    public int? ResolutionMinutes { get; set; }
    public StickyPreference Sticky { get; set; }
    public string? ReplyTemplate { get; set; }

    public static RuleDraft From(RoutingRule r) => new()
    {
        Id = r.Id,
        Name = r.Name,
        MatchAll = r.MatchAll,
        Conditions = r.Conditions.Select(c => new RuleConditionDraft { Field = c.Field, Operator = c.Operator, Values = string.Join(", ", c.Values) }).ToList(),
        Team = r.Actions.Team,
        Skills = string.Join(", ", r.Actions.RequiredSkills),
        Priority = r.Actions.Priority,
        FirstResponseMinutes = r.Actions.FirstResponseMinutes,
        ResolutionMinutes = r.Actions.ResolutionMinutes,
        Sticky = r.Actions.Sticky,
        ReplyTemplate = r.Actions.ReplyTemplate,
    };

    public RoutingRule ToRule() => new(Id, Name.Trim(), MatchAll,
        Conditions.Select(c => new RuleCondition(c.Field, c.Operator, c.Values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))).ToList(),
        new RuleActions(string.IsNullOrWhiteSpace(Team) ? null : Team,
            Skills.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), Priority, FirstResponseMinutes, ResolutionMinutes, Sticky,
            string.IsNullOrWhiteSpace(ReplyTemplate) ? null : ReplyTemplate));
}

public sealed class RuleConditionDraft
{
    public string Field { get; set; } = "tier";
    public RuleOperator Operator { get; set; } = RuleOperator.Equals;
    public string Values { get; set; } = "";

    /// <summary>Switching field keeps the operator when it still applies and clears values that no longer fit.</summary>
    public void SetField(string field)
    {
        Field = field;
        var operators = RuleField.Find(field)?.Operators ?? [];
        if (!operators.Contains(Operator))
        {
            Operator = operators.Count > 0 ? operators[0] : RuleOperator.Equals;
        }
        Values = RuleField.Find(field)?.Type == RuleValueType.Boolean ? "true" : "";
    }

    public string Hint => RuleField.Find(Field) is not { } f ? "" : f.Type switch
    {
        RuleValueType.Number => Operator == RuleOperator.Between ? "two numbers: lowest, highest" : "a number",
        RuleValueType.Boolean => "true or false",
        RuleValueType.Choice => string.Join(", ", f.Choices),
        RuleValueType.Set => "a segment key",
        RuleValueType.Text => Operator is RuleOperator.In or RuleOperator.NotIn ? "comma-separated" : "text, e.g. de",
    };
}
