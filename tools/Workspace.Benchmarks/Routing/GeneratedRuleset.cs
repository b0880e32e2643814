using System.Globalization;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Routing;

namespace Workspace.Benchmarks.Routing;

/// <summary>
/// A 200-rule ruleset made from a fixed seed: 199 rules of one to four conditions over every field and operator
/// kind, all-of and any-of, then the default rule. Two facts instances go with it: one first matched by rule 100
/// and one by rule 190, so a decision walks past 99 or 189 rules and traces each of them.
/// </summary>
public static class GeneratedRuleset
{
    public const int Seed = 20_260_401;
    public const int RuleCount = 200;
    public const int MiddleRule = 100;
    public const int LateRule = 190;

    private static readonly string[] Teams = ["tier1", "tier2", "billing", "integrations", "success", "enterprise", "onboarding", "escalations"];
    private static readonly string[] Skills = ["billing", "api", "sso", "german", "french", "spanish", "japanese", "escalation", "webhooks"];
    private static readonly string[] SegmentNames = ["vip", "beta", "partner", "edu", "nonprofit", "trial", "churn-watch", "enterprise-emea", "healthcare", "fintech"];
    private static readonly string[] Languages = ["en", "de", "fr", "es", "nl", "ja", "pt-BR", "it"];

    /// <summary>A Starter customer asking a how-to question by chat: the kind of conversation specific rules pass over.</summary>
    public static readonly RoutingFacts LateFacts = new(
        Tier.Starter, ValueScore: 34, Arr: 4_800m, LifecycleStage.Adoption, AtRisk: false, ComplexityScore: 15, Intent.HowTo, Channel.Chat,
        RepeatContact: false, OpenIssues: 0, LastCsat: 4, new HashSet<string>(["trial"], StringComparer.Ordinal), "en", BusinessHours: true);

    /// <summary>An at-risk enterprise customer reporting an outage by email, outside business hours.</summary>
    public static readonly RoutingFacts MiddleFacts = new(
        Tier.Enterprise, ValueScore: 88, Arr: 240_000m, LifecycleStage.Maturity, AtRisk: true, ComplexityScore: 72, Intent.Outage, Channel.Email,
        RepeatContact: true, OpenIssues: 3, LastCsat: null, new HashSet<string>(["vip", "enterprise-emea"], StringComparer.Ordinal), "de", BusinessHours: false);

    public static IReadOnlyList<RoutingRule> Rules { get; } = Generate();

    public static RoutingFacts FactsMatching(int ruleNumber) => ruleNumber switch
    {
        MiddleRule => MiddleFacts,
        LateRule => LateFacts,
        _ => throw new ArgumentOutOfRangeException(nameof(ruleNumber), ruleNumber, $"Only rules {MiddleRule} and {LateRule} have benchmark facts."),
    };

    public static string RuleId(int ruleNumber) => $"r{ruleNumber:000}";

    /// <summary>
    /// Facts spread over every field, for checking that two engines agree beyond the two benchmark cases. Values
    /// cluster the way customers do (most accounts small, scores mid-range, few open issues), with every edge present.
    /// </summary>
    public static IEnumerable<RoutingFacts> SampleFacts(int count, int seed)
    {
        var random = new Random(seed);
        int MidRange() => (random.Next(0, 101) + random.Next(0, 101)) / 2;
        for (var i = 0; i < count; i++)
        {
            var segments = SegmentNames.Where(_ => random.Next(10) == 0).ToHashSet(StringComparer.Ordinal);
            yield return new RoutingFacts(
                Pick(random, Enum.GetValues<Tier>()),
                MidRange(),
                (random.Next(10) == 0 ? random.Next(0, 500) : random.Next(0, 60)) * 1_000m + (random.Next(2) == 0 ? 0m : 0.5m),
                random.Next(10) == 0 ? null : Pick(random, Enum.GetValues<LifecycleStage>()),
                random.Next(6) == 0,
                MidRange(),
                random.Next(7) == 0 ? null : Pick(random, Enum.GetValues<Intent>()),
                Pick(random, Enum.GetValues<Channel>()),
                random.Next(4) == 0,
                random.Next(10) == 0 ? random.Next(0, 9) : random.Next(0, 3),
                random.Next(4) == 0 ? null : random.Next(5) == 0 ? random.Next(1, 3) : random.Next(3, 6),
                segments,
                random.Next(10) switch
                {
                    0 => null,
                    < 6 => "en",
                    _ => Pick(random, Languages),
                },
                random.Next(3) != 0);
        }
    }

    private static List<RoutingRule> Generate()
    {
        var random = new Random(Seed);
        var rules = new List<RoutingRule>(RuleCount);
        for (var number = 1; number < RuleCount; number++)
        {
            var id = RuleId(number);
            // Rules before a benchmark case's rule must not match its facts, or the case would stop early; so a
            // random rule that would is drawn again (from the same seeded sequence, so the ruleset stays fixed).
            RoutingRule rule;
            if (number == MiddleRule)
            {
                rule = Draw(() => Matching(random, id, MiddleFacts), r => !Matches(r, LateFacts));
            }
            else if (number == LateRule)
            {
                rule = Draw(() => Matching(random, id, LateFacts), _ => true);
            }
            else
            {
                // One rule in ten is any-of, a pair of narrow conditions ("outage, or complexity 90 and up"); the rest
                // are all-of with one to four. The shape is drawn before the redraws so that they keep this mix.
                var matchAll = random.Next(100) >= 10;
                var count = !matchAll ? 2 : random.Next(20) switch
                {
                    0 => 1,
                    < 6 => 2,
                    < 13 => 3,
                    _ => 4,
                };
                rule = Draw(() => RandomRule(random, id, count, matchAll), r =>
                    (number > LateRule || !Matches(r, LateFacts)) && (number > MiddleRule || !Matches(r, MiddleFacts)));
            }
            rules.Add(rule);
        }
        rules.Add(new RoutingRule(RuleId(RuleCount), "Default", true, [], new RuleActions("tier1", [], Priority.P3, 240, 2880)));
        return rules;
    }

    private static RoutingRule Draw(Func<RoutingRule> make, Func<RoutingRule, bool> accept)
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var rule = make();
            if (accept(rule))
            {
                return rule;
            }
        }
        throw new InvalidOperationException($"No acceptable rule drawn in 10,000 attempts (seed {Seed}).");
    }

    private static bool Matches(RoutingRule rule, RoutingFacts facts)
    {
        var alone = new Ruleset(1, [rule, new RoutingRule("default", "Default", true, [], new RuleActions("tier1", [], null, null, null))]);
        return alone.Compile().Decide(facts).MatchedRuleId == rule.Id;
    }

    private static RoutingRule RandomRule(Random random, string id, int count, bool matchAll)
    {
        var conditions = new List<RuleCondition>(count);
        while (conditions.Count < count)
        {
            var condition = RandomCondition(random);
            // "Not" conditions hold for most conversations, so they only narrow an all-of rule, never stand alone.
            var broad = condition.Operator is RuleOperator.NotEquals or RuleOperator.NotIn;
            if (conditions.All(c => c.Field != condition.Field) && !(broad && (!matchAll || count == 1)))
            {
                conditions.Add(condition);
            }
        }
        return new RoutingRule(id, Name(conditions, matchAll), matchAll, conditions, RandomActions(random));
    }

    /// <summary>An all-of rule of two or three conditions that the facts satisfy, as a lead would write for that kind of conversation.</summary>
    private static RoutingRule Matching(Random random, string id, RoutingFacts facts)
    {
        var intent = facts.Intent?.ToString() ?? throw new InvalidOperationException("Benchmark facts need an intent.");
        List<RuleCondition> candidates =
        [
            new("tier", RuleOperator.In, [facts.Tier.ToString(), Other(random, facts.Tier)]),
            new("intent", RuleOperator.Equals, [intent]),
            new("channel", RuleOperator.Equals, [facts.Channel.ToString()]),
            new("valueScore", RuleOperator.Between, [Number(facts.ValueScore - random.Next(1, 10)), Number(facts.ValueScore + random.Next(1, 10))]),
            new("arr", RuleOperator.AtLeast, [Number((double)facts.Arr - random.Next(1, 1_000))]),
            new("language", RuleOperator.Equals, [facts.Language ?? "en"]),
            new("segment", RuleOperator.Contains, [facts.Segments.Order(StringComparer.Ordinal).First()]),
            new("businessHours", RuleOperator.Equals, [facts.BusinessHours ? "true" : "false"]),
        ];
        var conditions = candidates.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).ToList();
        return new RoutingRule(id, Name(conditions, true), true, conditions, RandomActions(random));
    }

    private static RuleCondition RandomCondition(Random random)
    {
        // Weighted towards what leads route on most: value, tier, intent and risk.
        return random.Next(20) switch
        {
            0 or 1 => NumberCondition(random, "valueScore", 0, 100),
            2 => NumberCondition(random, "arr", 0, 500_000, step: 5_000),
            3 => NumberCondition(random, "complexityScore", 0, 100),
            4 => NumberCondition(random, "openIssues", 0, 8),
            5 => NumberCondition(random, "lastCsat", 1, 5),
            6 or 7 => ChoiceCondition(random, "tier", Enum.GetNames<Tier>()),
            8 => ChoiceCondition(random, "lifecycleStage", Enum.GetNames<LifecycleStage>()),
            9 or 10 => ChoiceCondition(random, "intent", Enum.GetNames<Intent>()),
            11 => ChoiceCondition(random, "channel", Enum.GetNames<Channel>()),
            12 or 13 => new RuleCondition("atRisk", RuleOperator.Equals, [random.Next(3) == 0 ? "false" : "true"]),
            14 => new RuleCondition("repeatContact", RuleOperator.Equals, [random.Next(3) == 0 ? "false" : "true"]),
            15 => new RuleCondition("businessHours", RuleOperator.Equals, [random.Next(2) == 0 ? "false" : "true"]),
            16 or 17 => new RuleCondition("segment", RuleOperator.Contains, [Pick(random, SegmentNames)]),
            _ => LanguageCondition(random),
        };
    }

    private static RuleCondition NumberCondition(Random random, string field, int min, int max, int step = 1)
    {
        // Thresholds sit where rules usually draw them, near the top or bottom ("value 85 and up", "CSAT at most 1").
        int Value(double from, double to) => (int)Math.Round((min + (max - min) * (from + random.NextDouble() * (to - from))) / step) * step;
        var op = random.Next(6) switch
        {
            0 => RuleOperator.GreaterThan,
            1 => RuleOperator.LessThan,
            2 => RuleOperator.AtLeast,
            3 => RuleOperator.AtMost,
            4 => RuleOperator.Between,
            _ => random.Next(3) == 0 ? RuleOperator.NotEquals : RuleOperator.Equals,
        };
        var value = op switch
        {
            RuleOperator.GreaterThan or RuleOperator.AtLeast => Value(0.8, 1),
            RuleOperator.LessThan or RuleOperator.AtMost => Value(0, 0.2),
            _ => Value(0, 1),
        };
        if (op == RuleOperator.Between)
        {
            var low = Value(0, 0.8);
            return new RuleCondition(field, op, [Number(low), Number(low + Math.Max(step, (max - min) / 10 / step * step))]);
        }
        return new RuleCondition(field, op, [Number(value)]);
    }

    private static RuleCondition ChoiceCondition(Random random, string field, string[] choices)
    {
        var op = random.Next(20) switch
        {
            < 8 => RuleOperator.Equals,
            < 14 => RuleOperator.In,
            < 17 => RuleOperator.NotEquals,
            _ => RuleOperator.NotIn,
        };
        var values = op is RuleOperator.In or RuleOperator.NotIn
            ? choices.OrderBy(_ => random.Next()).Take(2).ToArray()
            : [Pick(random, choices)];
        return new RuleCondition(field, op, values);
    }

    private static RuleCondition LanguageCondition(Random random) => random.Next(20) switch
    {
        < 6 => new RuleCondition("language", RuleOperator.In, Languages.OrderBy(_ => random.Next()).Take(2).ToArray()),
        < 9 => new RuleCondition("language", RuleOperator.NotEquals, ["en"]),
        < 12 => new RuleCondition("language", RuleOperator.Contains, ["pt"]),
        _ => new RuleCondition("language", RuleOperator.Equals, [Pick(random, Languages).ToUpperInvariant()]),
    };

    private static RuleActions RandomActions(Random random)
    {
        var skills = Skills.Where(_ => random.Next(6) == 0).Take(2).ToArray();
        var sla = random.Next(3) switch
        {
            0 => (First: (int?)15, Resolution: (int?)240),
            1 => (First: (int?)60, Resolution: (int?)1_440),
            _ => (First: (int?)null, Resolution: (int?)null),
        };
        var sticky = random.Next(5) switch
        {
            0 => StickyPreference.LastAgent,
            1 => StickyPreference.AccountOwner,
            _ => StickyPreference.None,
        };
        return new RuleActions(Pick(random, Teams), skills, Pick(random, Enum.GetValues<Priority>()), sla.First, sla.Resolution, sticky);
    }

    /// <summary>The conditions as a name, cut to the longest name a rule may have.</summary>
    private static string Name(List<RuleCondition> conditions, bool matchAll)
    {
        var name = string.Join(matchAll ? " and " : " or ", conditions.Select(c => $"{c.Field} {c.Operator} {string.Join("/", c.Values)}"));
        return name.Length <= Ruleset.MaxNameLength ? name : name[..(Ruleset.MaxNameLength - 1)] + "…";
    }

    private static string Other(Random random, Tier tier) => Pick(random, Enum.GetValues<Tier>().Where(t => t != tier).ToArray()).ToString();

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
