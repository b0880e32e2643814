using System.Globalization;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;

namespace Workspace.Domain.Routing;

public enum RuleValueType
{
    Number,
    Boolean,
    Choice,
    Text,
    Set,
}

/// <summary>One thing a routing condition can test: its key, type, allowed values and how to read it from the facts.</summary>
public sealed record RuleField(string Key, string Label, RuleValueType Type, IReadOnlyList<string> Choices, Func<RoutingFacts, object?> Read)
{
    public static readonly IReadOnlyList<RuleField> All =
    [
        new("tier", "Tier", RuleValueType.Choice, Enum.GetNames<Tier>(), f => f.Tier.ToString()),
        new("valueScore", "Value score", RuleValueType.Number, [], f => (double)f.ValueScore),
        new("arr", "ARR", RuleValueType.Number, [], f => (double)f.Arr),
        new("lifecycleStage", "Lifecycle stage", RuleValueType.Choice, Enum.GetNames<LifecycleStage>(), f => f.LifecycleStage?.ToString()),
        new("atRisk", "At risk", RuleValueType.Boolean, [], f => f.AtRisk),
        new("complexityScore", "Complexity score", RuleValueType.Number, [], f => (double)f.ComplexityScore),
        new("intent", "Intent", RuleValueType.Choice, Enum.GetNames<Intent>(), f => f.Intent?.ToString()),
        new("channel", "Channel", RuleValueType.Choice, Enum.GetNames<Channel>(), f => f.Channel.ToString()),
        new("repeatContact", "Repeat contact", RuleValueType.Boolean, [], f => f.RepeatContact),
        new("openIssues", "Open issues", RuleValueType.Number, [], f => (double)f.OpenIssues),
        new("lastCsat", "Last CSAT", RuleValueType.Number, [], f => f.LastCsat is { } c ? (double)c : null),
        new("segment", "Segments", RuleValueType.Set, [], f => f.Segments),
        new("language", "Language", RuleValueType.Text, [], f => f.Language),
        new("businessHours", "Within business hours", RuleValueType.Boolean, [], f => f.BusinessHours),
    ];

    public static RuleField? Find(string? key) => All.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));

    public IReadOnlyList<RuleOperator> Operators => Type switch
    {
        RuleValueType.Number => [RuleOperator.Equals, RuleOperator.NotEquals, RuleOperator.GreaterThan, RuleOperator.LessThan, RuleOperator.AtLeast, RuleOperator.AtMost, RuleOperator.Between],
        RuleValueType.Boolean => [RuleOperator.Equals],
        RuleValueType.Choice or RuleValueType.Text => [RuleOperator.Equals, RuleOperator.NotEquals, RuleOperator.In, RuleOperator.NotIn, RuleOperator.Contains],
        RuleValueType.Set => [RuleOperator.Contains],
    };

    /// <summary>The value as a trace shows it.</summary>
    public static string Show(object? value) => value switch
    {
        null => "none",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IReadOnlySet<string> set => set.Count == 0 ? "none" : string.Join(", ", set.Order(StringComparer.Ordinal)),
        _ => value.ToString() ?? "",
    };
}

/// <summary>How a rule condition compares.</summary>
public enum RuleOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    GreaterThan,
    LessThan,
    AtLeast,
    AtMost,
    Between,
    Contains,
}
