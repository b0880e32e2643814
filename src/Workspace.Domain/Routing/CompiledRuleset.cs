using System.Globalization;
using Workspace.Domain.Conversations;

namespace Workspace.Domain.Routing;

/// <summary>
/// A ruleset turned into typed predicates (no parsing or lookups while deciding). Deciding walks the
/// rules in order; for every rule that did not match it remembers the first condition that failed,
/// and for the matching rule every condition with its actual value, so the decision can explain itself.
/// </summary>
public sealed class CompiledRuleset
{
    private readonly CompiledRule[] _rules;

    internal CompiledRuleset(Ruleset source)
    {
        Source = source;
        _rules = source.Rules.Select(r => new CompiledRule(r, r.Conditions.Select(CompileCondition).ToArray())).ToArray();
    }

    public Ruleset Source { get; }

    public RoutingDecision Decide(RoutingFacts facts)
    {
        var skipped = new List<SkippedRule>();
        foreach (var rule in _rules)
        {
            var failed = rule.FirstFailure(facts);
            if (failed < 0)
            {
                var conditions = rule.Rule.Conditions.Select((c, i) => Trace(c, rule.Predicates[i], facts)).ToList();
                var a = rule.Rule.Actions;
                return new RoutingDecision(Source.Version, rule.Rule.Id, rule.Rule.Name, conditions, skipped, a.Team, a.Priority ?? Priority.P3,
                    a.RequiredSkills, a.FirstResponseMinutes, a.ResolutionMinutes, a.Sticky);
            }
            skipped.Add(new SkippedRule(rule.Rule.Id, rule.Rule.Name, Trace(rule.Rule.Conditions[failed], rule.Predicates[failed], facts)));
        }
        // Unreachable for a validated ruleset: the last rule has no conditions.
        throw new InvalidOperationException("No rule matched; the ruleset has no default rule.");
    }

    private static ConditionTrace Trace(RuleCondition c, Func<RoutingFacts, bool> predicate, RoutingFacts facts)
    {
        var field = RuleField.Find(c.Field)!;
        return new ConditionTrace(c.Field, c.Operator, string.Join(", ", c.Values), RuleField.Show(field.Read(facts)), predicate(facts));
    }

    private static Func<RoutingFacts, bool> CompileCondition(RuleCondition c)
    {
        var field = RuleField.Find(c.Field)!;
        var values = c.Values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToArray();
        switch (field.Type)
        {
            case RuleValueType.Number:
                var number = NumberReader(c.Field);
                var n = values.Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
                return c.Operator switch
                {
                    RuleOperator.Equals => f => number(f) is { } x && x == n[0],
                    RuleOperator.NotEquals => f => number(f) is { } x && x != n[0],
                    RuleOperator.GreaterThan => f => number(f) is { } x && x > n[0],
                    RuleOperator.LessThan => f => number(f) is { } x && x < n[0],
                    RuleOperator.AtLeast => f => number(f) is { } x && x >= n[0],
                    RuleOperator.AtMost => f => number(f) is { } x && x <= n[0],
                    RuleOperator.Between => f => number(f) is { } x && x >= Math.Min(n[0], n[1]) && x <= Math.Max(n[0], n[1]),
                    RuleOperator.In or RuleOperator.NotIn or RuleOperator.Contains => throw Unsupported(c),
                };
            case RuleValueType.Boolean:
                var flag = BooleanReader(c.Field);
                var want = values[0] == "true";
                return f => flag(f) == want;
            case RuleValueType.Set:
                var wanted = values[0];
                return f => f.Segments.Contains(wanted);
            case RuleValueType.Choice:
            case RuleValueType.Text:
                var text = TextReader(c.Field);
                var comparer = field.Type == RuleValueType.Text ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
                var set = new HashSet<string>(values, comparer);
                var one = values[0];
                return c.Operator switch
                {
                    RuleOperator.Equals => f => comparer.Equals(text(f), one),
                    RuleOperator.NotEquals => f => !comparer.Equals(text(f), one),
                    RuleOperator.In => f => text(f) is { } x && set.Contains(x),
                    RuleOperator.NotIn => f => text(f) is not { } x || !set.Contains(x),
                    RuleOperator.Contains => f => text(f) is { } x && x.Contains(one, StringComparison.OrdinalIgnoreCase),
                    RuleOperator.GreaterThan or RuleOperator.LessThan or RuleOperator.AtLeast or RuleOperator.AtMost or RuleOperator.Between => throw Unsupported(c),
                };
        }
        throw Unsupported(c);
    }

    private static InvalidOperationException Unsupported(RuleCondition c) => new($"'{c.Operator}' does not apply to '{c.Field}'.");

    // Typed readers: deciding never boxes or looks fields up by name.
    private static Func<RoutingFacts, double?> NumberReader(string field) => field switch
    {
        "valueScore" => f => f.ValueScore,
        "arr" => f => (double)f.Arr,
        "complexityScore" => f => f.ComplexityScore,
        "openIssues" => f => f.OpenIssues,
        "lastCsat" => f => f.LastCsat,
        _ => throw new InvalidOperationException($"'{field}' is not a number field."),
    };

    private static Func<RoutingFacts, bool> BooleanReader(string field) => field switch
    {
        "atRisk" => f => f.AtRisk,
        "repeatContact" => f => f.RepeatContact,
        "businessHours" => f => f.BusinessHours,
        _ => throw new InvalidOperationException($"'{field}' is not a yes/no field."),
    };

    private static readonly string[] TierNames = Enum.GetNames<Customers.Tier>();
    private static readonly string[] StageNames = Enum.GetNames<Customers.LifecycleStage>();
    private static readonly string[] IntentNames = Enum.GetNames<Intent>();
    private static readonly string[] ChannelNames = Enum.GetNames<Channel>();

    private static Func<RoutingFacts, string?> TextReader(string field) => field switch
    {
        "tier" => f => TierNames[(int)f.Tier],
        "lifecycleStage" => f => f.LifecycleStage is { } s ? StageNames[(int)s] : null,
        "intent" => f => f.Intent is { } i ? IntentNames[(int)i] : null,
        "channel" => f => ChannelNames[(int)f.Channel],
        "language" => f => f.Language,
        _ => throw new InvalidOperationException($"'{field}' is not a text field."),
    };

    private sealed record CompiledRule(RoutingRule Rule, Func<RoutingFacts, bool>[] Predicates)
    {
        /// <summary>The index of the first condition that fails the rule, or -1 when the rule matches.</summary>
        public int FirstFailure(RoutingFacts facts)
        {
            if (Predicates.Length == 0)
            {
                return -1;
            }
            if (Rule.MatchAll)
            {
                for (var i = 0; i < Predicates.Length; i++)
                {
                    if (!Predicates[i](facts))
                    {
                        return i;
                    }
                }
                return -1;
            }
            for (var i = 0; i < Predicates.Length; i++)
            {
                if (Predicates[i](facts))
                {
                    return -1;
                }
            }
            return 0;
        }
    }
}

/// <summary>One condition as evaluated: what was expected, what the value was, and whether it held.</summary>
public sealed record ConditionTrace(string Field, RuleOperator Operator, string Expected, string Actual, bool Held);

/// <summary>A rule that did not match, with the condition that stopped it.</summary>
public sealed record SkippedRule(string Id, string Name, ConditionTrace FailedCondition);

/// <summary>Where a conversation goes and why: the ruleset version, the matching rule and its evidence, and the rules passed over.</summary>
public sealed record RoutingDecision(
    int RulesetVersion,
    string MatchedRuleId,
    string MatchedRuleName,
    IReadOnlyList<ConditionTrace> Conditions,
    IReadOnlyList<SkippedRule> SkippedRules,
    string? Team,
    Priority Priority,
    IReadOnlyList<string> RequiredSkills,
    int? FirstResponseMinutes,
    int? ResolutionMinutes,
    StickyPreference Sticky);
