using System.Text.Json;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Routing;

namespace Workspace.Domain.Tests.Routing;

public class RoutingJsonTests
{
    /// <summary>Every operator, both match modes, every sticky preference, a teamless rule, edited phrases and weights.</summary>
    private static readonly RoutingDefinition Definition = new(
    [
        new("enterprise", "Enterprise accounts", true, [new("tier", RuleOperator.Equals, ["Enterprise"])],
            new RuleActions("Enterprise Success", ["enterprise"], Priority.P2, 15, 480, StickyPreference.AccountOwner)),
        new("early-or-technical", "Early customers or technical", false,
        [
            new("lifecycleStage", RuleOperator.In, ["Onboarding", "Adoption"]),
            new("intent", RuleOperator.NotIn, ["Billing", "HowTo"]),
            new("language", RuleOperator.Contains, ["de"]),
            new("tier", RuleOperator.NotEquals, ["Free"]),
        ], new RuleActions("Onboarding Specialists", [], Priority.P3, null, null, StickyPreference.LastAgent)),
        new("numbers", "Valuable and complex", true,
        [
            new("valueScore", RuleOperator.GreaterThan, ["50"]),
            new("arr", RuleOperator.LessThan, ["100000"]),
            new("complexityScore", RuleOperator.AtLeast, ["60"]),
            new("openIssues", RuleOperator.AtMost, ["3"]),
            new("lastCsat", RuleOperator.Between, ["1", "3"]),
        ], new RuleActions("Technical Escalations", ["api", "security"], Priority.P1, 5, null)),
        new("power-users", "Power users first", true, [new("segment", RuleOperator.Contains, ["power-users"])],
            new RuleActions(null, [], Priority.P1, null, null)),
        new("default", "Default", true, [], new RuleActions("General Support", [], null, null, null)),
    ],
    new Dictionary<Intent, IReadOnlyList<string>>
    {
        [Intent.Billing] = ["invoice", "money back"],
        [Intent.Outage] = ["down", "nothing loads"],
        [Intent.Integration] = ["api", "webhook"],
    },
    SampleRouting.Weights with
    {
        IntentWeights = new Dictionary<Intent, int> { [Intent.Outage] = 50, [Intent.Integration] = 45, [Intent.Billing] = 25 },
        PerOpenIssue = 15,
        EscalationCap = 30,
    });

    private static readonly RoutingSignals[] Arrivals =
    [
        SampleSignals.With(tier: Tier.Enterprise, text: "Where is my invoice?"),
        SampleSignals.With(tier: Tier.Free, stage: LifecycleStage.Onboarding, text: "I want my money back"),
        SampleSignals.With(tier: Tier.Free, stage: LifecycleStage.Maturity, language: "de-DE", text: "Hallo, meine invoice"),
        SampleSignals.With(tier: Tier.Free, stage: LifecycleStage.Maturity, valueScore: 80, arr: 50_000m, lastCsat: 2, openIssues: 1,
            text: "The invoice for our api and sso seats"),
        SampleSignals.With(tier: Tier.Free, stage: LifecycleStage.Retention, segments: ["power-users"], text: "invoice"),
        SampleSignals.With(tier: Tier.Free, stage: null, language: null, text: "invoice please"),
    ];

    [Fact]
    public void WriteThenRead_Definition_SameRulesPhrasesAndWeights()
    {
        var json = RoutingJson.Write(Definition);

        var read = RoutingJson.Read<RoutingDefinition>(json);

        Assert.Equal(Definition.Rules.Count, read.Rules.Count);
        foreach (var (was, now) in Definition.Rules.Zip(read.Rules))
        {
            Assert.Equal((was.Id, was.Name, was.MatchAll), (now.Id, now.Name, now.MatchAll));
            Assert.Equal(was.Conditions.Select(c => (c.Field, c.Operator, string.Join("|", c.Values))), now.Conditions.Select(c => (c.Field, c.Operator, string.Join("|", c.Values))));
            Assert.Equal(was.Actions with { RequiredSkills = [] }, now.Actions with { RequiredSkills = [] });
            Assert.Equal(was.Actions.RequiredSkills, now.Actions.RequiredSkills);
        }
        Assert.Equal(Definition.IntentPhrases.Keys.Order(), read.IntentPhrases.Keys.Order());
        Assert.All(Definition.IntentPhrases, p => Assert.Equal(p.Value, read.IntentPhrases[p.Key]));
        Assert.Equal(RoutingDefinition.WeightsOf(Definition.Weights), RoutingDefinition.WeightsOf(read.Weights));
        Assert.Equal(json, RoutingJson.Write(read));
    }

    [Fact]
    public void WriteThenRead_Definition_DecidesIdentically()
    {
        var original = Definition.Compile(4);
        var stored = RoutingJson.Read<RoutingDefinition>(RoutingJson.Write(Definition)).Compile(4);

        var before = Arrivals.Select(original.Route).ToList();
        var after = Arrivals.Select(stored.Route).ToList();

        Assert.Equal(["enterprise", "early-or-technical", "early-or-technical", "numbers", "power-users", "default"], before.Select(r => r.Decision.MatchedRuleId));
        foreach (var ((wasAssessment, was), (nowAssessment, now)) in before.Zip(after))
        {
            Assert.Equal((was.MatchedRuleId, was.Team, was.Priority, was.Sticky), (now.MatchedRuleId, now.Team, now.Priority, now.Sticky));
            Assert.Equal(was.Conditions, now.Conditions);
            Assert.Equal(was.SkippedRules, now.SkippedRules);
            Assert.Equal((wasAssessment.Facts.Intent, wasAssessment.Complexity.Reason), (nowAssessment.Facts.Intent, nowAssessment.Complexity.Reason));
        }
    }

    [Fact]
    public void Write_Definition_EnumsByNameAndPropertiesCamelCase()
    {
        var json = RoutingJson.Write(Definition);

        Assert.Contains("\"Enterprise\"", json, StringComparison.Ordinal);
        Assert.Contains("\"operator\":\"AtLeast\"", json, StringComparison.Ordinal);
        Assert.Contains("\"operator\":\"Between\"", json, StringComparison.Ordinal);
        Assert.Contains("\"priority\":\"P2\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sticky\":\"AccountOwner\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Billing\":[\"invoice\",\"money back\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"Outage\":50", json, StringComparison.Ordinal);
        Assert.Contains("\"matchAll\":false", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"operator\":8", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteThenRead_Signals_SameValues()
    {
        var signals = new RoutingSignals(
            Tier: Tier.Enterprise,
            ValueScore: 82,
            Arr: 120_000.50m,
            LifecycleStage: LifecycleStage.Retention,
            AtRisk: true,
            Channel: Channel.Email,
            RepeatContact: true,
            OpenIssues: 2,
            LastCsat: 3,
            Segments: ["power-users", "at-risk-high-value"],
            Language: "fr-FR",
            BusinessHours: false,
            IntegrationsInUse: 4,
            PriorEscalations: 1,
            Text: "Notre API renvoie 429 – “quota” dépassé");

        var json = RoutingJson.Write(signals);
        var read = RoutingJson.Read<RoutingSignals>(json);

        Assert.Equal(signals, read with { Segments = signals.Segments });
        Assert.Equal(signals.Segments, read.Segments);
        Assert.Contains("\"tier\":\"Enterprise\"", json, StringComparison.Ordinal);
        Assert.Contains("\"channel\":\"Email\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteThenRead_AnonymousVisitorSignals_KeepTheirNulls()
    {
        var signals = new RoutingSignals(
            Tier: Tier.Free,
            ValueScore: 0,
            Arr: 0m,
            LifecycleStage: null,
            AtRisk: false,
            Channel: Channel.Chat,
            RepeatContact: false,
            OpenIssues: 0,
            LastCsat: null,
            Segments: [],
            Language: null,
            BusinessHours: true,
            IntegrationsInUse: 0,
            PriorEscalations: 0,
            Text: "");

        var json = RoutingJson.Write(signals);
        var read = RoutingJson.Read<RoutingSignals>(json);

        Assert.Equal(signals, read with { Segments = signals.Segments });
        Assert.Empty(read.Segments);
        Assert.Contains("\"lifecycleStage\":null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteThenRead_Decision_SameExplanation()
    {
        var (_, decision) = Definition.Compile(9).Route(Arrivals[3]);

        var read = RoutingJson.Read<RoutingDecision>(RoutingJson.Write(decision));

        Assert.Equal((9, "numbers", "Valuable and complex", "Technical Escalations", Priority.P1, 5, (int?)null),
            (read.RulesetVersion, read.MatchedRuleId, read.MatchedRuleName, read.Team, read.Priority, read.FirstResponseMinutes, read.ResolutionMinutes));
        Assert.Equal(decision.Conditions, read.Conditions);
        Assert.Equal(decision.SkippedRules, read.SkippedRules);
        Assert.Equal(["api", "security"], read.RequiredSkills);
    }

    [Fact]
    public void Read_StoredNull_ThrowsNamingTheType()
    {
        var error = Assert.Throws<JsonException>(() => RoutingJson.Read<RoutingSignals>("null"));

        Assert.Equal("Stored RoutingSignals is empty.", error.Message);
    }
}
