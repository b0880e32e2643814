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
    // Rulesets hold at most Ruleset.MaxRules rules, so the failure indexes of one decision fit on the stack.
    private const int StackRules = 512;

    private readonly CompiledRule[] _rules;

    internal CompiledRuleset(Ruleset source)
    {
        Source = source;
        _rules = source.Rules.Select(r => new CompiledRule(r)).ToArray();
    }

    public Ruleset Source { get; }

    public RoutingDecision Decide(RoutingFacts facts)
    {
        // The rules are walked first, noting where each one failed, so the trace of the skipped rules is then built
        // into a list of its final size.
        Span<int> failures = _rules.Length <= StackRules ? stackalloc int[_rules.Length] : new int[_rules.Length];
        var matched = -1;
        for (var r = 0; r < _rules.Length; r++)
        {
            var failed = _rules[r].FirstFailure(facts);
            if (failed < 0)
            {
                matched = r;
                break;
            }
            failures[r] = failed;
        }
        if (matched < 0)
        {
            // Unreachable for a validated ruleset: the last rule has no conditions.
            throw new InvalidOperationException("No rule matched; the ruleset has no default rule.");
        }

        // A field's value is shown the same way in every condition on it, so each is formatted at most once.
        var actuals = new string?[RuleField.All.Count];
        var skipped = new SkippedTrace(_rules, failures[..matched].ToArray(), actuals, facts);
        var rule = _rules[matched];
        var conditions = new List<ConditionTrace>(rule.Conditions.Length);
        foreach (var c in rule.Conditions)
        {
            conditions.Add(new ConditionTrace(c.Source.Field, c.Source.Operator, c.Expected, c.Actual(actuals, facts), c.Predicate(facts)));
        }
        var a = rule.Rule.Actions;
        return new RoutingDecision(Source.Version, rule.Rule.Id, rule.Rule.Name, conditions, skipped, a.Team ?? Source.Rules[^1].Actions.Team, a.Priority ?? Priority.P3,
            a.RequiredSkills, a.FirstResponseMinutes, a.ResolutionMinutes, a.Sticky, a.ReplyTemplate);
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
                var n0 = n[0];
                return c.Operator switch
                {
                    RuleOperator.Equals => f => number(f) is { } x && x == n0,
                    RuleOperator.NotEquals => f => number(f) is { } x && x != n0,
                    RuleOperator.GreaterThan => f => number(f) is { } x && x > n0,
                    RuleOperator.LessThan => f => number(f) is { } x && x < n0,
                    RuleOperator.AtLeast => f => number(f) is { } x && x >= n0,
                    RuleOperator.AtMost => f => number(f) is { } x && x <= n0,
                    RuleOperator.Between => Between(number, Math.Min(n[0], n[1]), Math.Max(n[0], n[1])),
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
                // A choice field holds one of a few enum values, so the condition is decided for each of them (and
                // for none) here, and deciding is a table lookup instead of comparing names.
                var holds = TextTest(c, values, StringComparer.Ordinal);
                var table = field.Choices.Select(holds).ToArray();
                var whenNone = holds(null);
                return ChoiceReader(c.Field, table, whenNone);
            case RuleValueType.Text:
                var text = TextReader(c.Field);
                var test = TextTest(c, values, StringComparer.OrdinalIgnoreCase);
                return f => test(text(f));
        }
        throw Unsupported(c);
    }

    private static Func<RoutingFacts, bool> Between(Func<RoutingFacts, double?> number, double low, double high) =>
        f => number(f) is { } x && x >= low && x <= high;

    private static Func<string?, bool> TextTest(RuleCondition c, string[] values, StringComparer comparer)
    {
        var set = new HashSet<string>(values, comparer);
        var one = values[0];
        return c.Operator switch
        {
            RuleOperator.Equals => x => comparer.Equals(x, one),
            RuleOperator.NotEquals => x => !comparer.Equals(x, one),
            RuleOperator.In => x => x is not null && set.Contains(x),
            RuleOperator.NotIn => x => x is null || !set.Contains(x),
            RuleOperator.Contains => x => x is not null && x.Contains(one, StringComparison.OrdinalIgnoreCase),
            RuleOperator.GreaterThan or RuleOperator.LessThan or RuleOperator.AtLeast or RuleOperator.AtMost or RuleOperator.Between => throw Unsupported(c),
        };
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

    // Indexed by the enum's value, in the order of RuleField's choices (Enum.GetNames).
    private static Func<RoutingFacts, bool> ChoiceReader(string field, bool[] table, bool whenNone) => field switch
    {
        "tier" => f => table[(int)f.Tier],
        "lifecycleStage" => f => f.LifecycleStage is { } s ? table[(int)s] : whenNone,
        "intent" => f => f.Intent is { } i ? table[(int)i] : whenNone,
        "channel" => f => table[(int)f.Channel],
        _ => throw new InvalidOperationException($"'{field}' is not a choice field."),
    };

    private static Func<RoutingFacts, string?> TextReader(string field) => field switch
    {
        "language" => f => f.Language,
        _ => throw new InvalidOperationException($"'{field}' is not a text field."),
    };

    private sealed class CompiledCondition
    {
        public CompiledCondition(RuleCondition source)
        {
            Source = source;
            Field = RuleField.Find(source.Field)!;
            FieldIndex = IndexOf(Field);
            Expected = string.Join(", ", source.Values);
            Predicate = CompileCondition(source);
        }

        public RuleCondition Source { get; }
        public RuleField Field { get; }
        public int FieldIndex { get; }
        public string Expected { get; }
        public Func<RoutingFacts, bool> Predicate { get; }

        /// <summary>The field's value as a trace shows it, formatted once per decision.</summary>
        public string Actual(string?[] actuals, RoutingFacts facts) => actuals[FieldIndex] ??= RuleField.Show(Field.Read(facts));

        /// <summary>Every value a trace can show for this field when it has only a few, else none.</summary>
        public IEnumerable<string> KnownActuals() => Field.Type switch
        {
            RuleValueType.Boolean => [RuleField.Show(true), RuleField.Show(false)],
            RuleValueType.Choice => Field.Choices.Append(null).Select(RuleField.Show),
            RuleValueType.Number or RuleValueType.Text or RuleValueType.Set => [],
        };

        private static int IndexOf(RuleField field)
        {
            for (var i = 0; i < RuleField.All.Count; i++)
            {
                if (ReferenceEquals(RuleField.All[i], field))
                {
                    return i;
                }
            }
            throw new InvalidOperationException($"'{field.Key}' is not a routing field.");
        }
    }

    /// <summary>
    /// The rules passed over, each with the condition that stopped it. Built when first read (stored, shown,
    /// compared) rather than while deciding: a decision stays a few microseconds even 190 rules deep, and the
    /// trace is the same either way, as it is computed from the same facts and the failure found then.
    /// </summary>
    private sealed class SkippedTrace(CompiledRule[] rules, int[] failures, string?[] actuals, RoutingFacts facts) : IReadOnlyList<SkippedRule>
    {
        private SkippedRule[]? _built;

        private SkippedRule[] Built => _built ??= Build();

        public int Count => failures.Length;

        public SkippedRule this[int index] => Built[index];

        public IEnumerator<SkippedRule> GetEnumerator() => ((IEnumerable<SkippedRule>)Built).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private SkippedRule[] Build()
        {
            var built = new SkippedRule[failures.Length];
            for (var r = 0; r < failures.Length; r++)
            {
                built[r] = rules[r].Skipped(failures[r], actuals, facts);
            }
            return built;
        }
    }

    private sealed class CompiledRule
    {
        private readonly Func<RoutingFacts, bool>[] _predicates;

        // A rule skipped on a yes/no or choice condition can only be traced a few ways; those entries are built
        // here once instead of in every decision (they are immutable, so decisions can share them).
        private readonly (string Actual, SkippedRule Skipped)[][] _knownSkips;

        public CompiledRule(RoutingRule rule)
        {
            Rule = rule;
            Conditions = rule.Conditions.Select(c => new CompiledCondition(c)).ToArray();
            _predicates = Conditions.Select(c => c.Predicate).ToArray();
            // An any-of rule is only ever reported by its first condition.
            _knownSkips = Conditions
                .Select((c, i) => rule.MatchAll || i == 0
                    ? c.KnownActuals().Distinct(StringComparer.Ordinal).Select(actual => (actual, Skip(c, actual))).ToArray()
                    : [])
                .ToArray();
        }

        public RoutingRule Rule { get; }
        public CompiledCondition[] Conditions { get; }

        /// <summary>The index of the first condition that fails the rule, or -1 when the rule matches.</summary>
        public int FirstFailure(RoutingFacts facts)
        {
            var predicates = _predicates;
            if (predicates.Length == 0)
            {
                return -1;
            }
            if (Rule.MatchAll)
            {
                for (var i = 0; i < predicates.Length; i++)
                {
                    if (!predicates[i](facts))
                    {
                        return i;
                    }
                }
                return -1;
            }
            for (var i = 0; i < predicates.Length; i++)
            {
                if (predicates[i](facts))
                {
                    return -1;
                }
            }
            return 0;
        }

        public SkippedRule Skipped(int failed, string?[] actuals, RoutingFacts facts)
        {
            var condition = Conditions[failed];
            var actual = condition.Actual(actuals, facts);
            foreach (var (known, skipped) in _knownSkips[failed])
            {
                if (string.Equals(known, actual, StringComparison.Ordinal))
                {
                    return skipped;
                }
            }
            return Skip(condition, actual);
        }

        // The condition named for a skipped rule is one that failed, so it did not hold.
        private SkippedRule Skip(CompiledCondition c, string actual) =>
            new(Rule.Id, Rule.Name, new ConditionTrace(c.Source.Field, c.Source.Operator, c.Expected, actual, false));
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
    StickyPreference Sticky,
    string? ReplyTemplate = null);
