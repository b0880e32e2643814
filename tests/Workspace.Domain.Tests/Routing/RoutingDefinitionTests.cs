using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Routing;

namespace Workspace.Domain.Tests.Routing;

public class RoutingDefinitionTests
{
    private static readonly string[] Teams = ["General Support", "Technical Escalations", "Enterprise Success"];

    private static RoutingRule Rule(string id, string team, Priority priority, params RuleCondition[] conditions) =>
        new(id, id, true, conditions, new RuleActions(team, [], priority, null, null));

    private static RoutingRule Default => Rule("default", "General Support", Priority.P3);

    private static RoutingDefinition Definition(
        IReadOnlyList<RoutingRule>? rules = null,
        IReadOnlyDictionary<Intent, IReadOnlyList<string>>? phrases = null,
        ComplexityWeights? weights = null) =>
        new(rules ?? [Default], phrases ?? SampleRouting.Phrases, weights ?? SampleRouting.Weights);

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(RoutingDefinition definition) => definition.Validate(Teams).ToDictionary();

    [Fact]
    public void Starter_ValidatesCleanAndRoutesEverythingToItsTeam()
    {
        var starter = RoutingDefinition.Starter("General Support");

        Assert.True(starter.Validate(["General Support"]).IsEmpty, starter.Validate(["General Support"]).ToString());
        var (_, decision) = starter.Compile(1).Route(SampleSignals.With(tier: Tier.Enterprise, text: "Our API is down"));
        Assert.Equal(("default", "General Support", Priority.P3), (decision.MatchedRuleId, decision.Team, decision.Priority));
    }

    [Fact]
    public void Starter_DefaultPhrasesAndWeights_AreTheShippedOnes()
    {
        var starter = RoutingDefinition.Starter("General Support");

        Assert.Same(IntentDetector.DefaultPhrases, starter.IntentPhrases);
        Assert.Same(ComplexityWeights.Default, starter.Weights);
    }

    [Fact]
    public void Validate_RuleProblems_PassThroughNamingTheRule()
    {
        var definition = Definition(
        [
            Rule("shoes", "General Support", Priority.P2, new RuleCondition("shoeSize", RuleOperator.Equals, ["42"])),
            Rule("nowhere", "Nowhere", Priority.P2, new RuleCondition("tier", RuleOperator.Equals, ["Pro"])),
            Rule("everything", "General Support", Priority.P3),
            Default,
        ]);

        var errors = ErrorsOf(definition);

        Assert.Contains("Unknown field 'shoeSize'", errors["rules[0].conditions[0].field"][0], StringComparison.Ordinal);
        Assert.Equal(["There is no team 'Nowhere'."], errors["rules[1].actions.team"]);
        Assert.Contains("the 1 rule(s) after it could never match", errors["rules[2].conditions"][0], StringComparison.Ordinal);
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Validate_NoKnownTeams_DoesNotCheckTeamNames() =>
        Assert.True(Definition([Rule("default", "Anyone", Priority.P3)]).Validate(null).IsEmpty);

    [Fact]
    public void Validate_EmptyPhrase_NamesTheIntent()
    {
        var definition = Definition(phrases: new Dictionary<Intent, IReadOnlyList<string>> { [Intent.Billing] = ["invoice", "   "] });

        var errors = ErrorsOf(definition);

        Assert.Equal(["Billing has an empty phrase."], errors["intents.Billing"]);
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_TooLongPhrase_QuotesItsStart()
    {
        var tooLong = string.Concat(Enumerable.Repeat("refund ", 9)).Trim();
        var longest = new string('x', RoutingDefinition.MaxPhraseLength);
        var definition = Definition(phrases: new Dictionary<Intent, IReadOnlyList<string>> { [Intent.Billing] = [tooLong, longest] });

        var errors = ErrorsOf(definition);

        Assert.Equal(["“refund refund refund…” is longer than 60 characters."], errors["intents.Billing"]);
    }

    [Fact]
    public void Validate_PhraseListedTwiceInAnyCase_ReportedOnceNamingTheIntent()
    {
        var definition = Definition(phrases: new Dictionary<Intent, IReadOnlyList<string>>
        {
            [Intent.HowTo] = ["Set up", "how to", " set UP"],
            [Intent.Billing] = ["set up"],
        });

        var errors = ErrorsOf(definition);

        Assert.Equal(["HowTo lists “Set up” twice."], errors["intents.HowTo"]);
        Assert.False(errors.ContainsKey("intents.Billing"));
    }

    [Fact]
    public void Validate_MoreThanMaxPhrases_Refused()
    {
        var phrases = Enumerable.Range(1, RoutingDefinition.MaxPhrasesPerIntent + 1).Select(i => $"phrase {i}").ToList();

        var tooMany = ErrorsOf(Definition(phrases: new Dictionary<Intent, IReadOnlyList<string>> { [Intent.Bug] = phrases }));
        var atMost = ErrorsOf(Definition(phrases: new Dictionary<Intent, IReadOnlyList<string>> { [Intent.Bug] = phrases[..^1] }));

        Assert.Equal(["Bug has 61 phrases; at most 60."], tooMany["intents.Bug"]);
        Assert.Empty(atMost);
    }

    [Fact]
    public void Validate_WeightOutsideZeroTo100_NamesTheWeight()
    {
        var weights = SampleRouting.Weights with
        {
            IntentWeights = new Dictionary<Intent, int> { [Intent.Billing] = 101, [Intent.Outage] = 100 },
            PerOpenIssue = -1,
            PerEscalation = 0,
        };

        var errors = ErrorsOf(Definition(weights: weights));

        Assert.Equal(["The weight intent Billing must be between 0 and 100; it is 101."], errors["weights.intent Billing"]);
        Assert.Equal(["The weight per open issue must be between 0 and 100; it is -1."], errors["weights.per open issue"]);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void WeightsOf_IntentsFirstThenEveryOtherWeight_MissingIntentCountsZero()
    {
        var weights = SampleRouting.Weights with { IntentWeights = new Dictionary<Intent, int> { [Intent.Bug] = 30 } };

        var all = RoutingDefinition.WeightsOf(weights).ToList();

        Assert.Equal(
            ["intent Billing", "intent HowTo", "intent Bug", "intent Outage", "intent Integration", "intent Account",
             "per advanced area", "advanced area cap", "per integration", "integration cap",
             "per open issue", "open issue cap", "per escalation", "escalation cap"],
            all.Select(w => w.Name));
        Assert.Equal([0, 0, 30, 0, 0, 0, 10, 20, 5, 15, 10, 20, 10, 20], all.Select(w => w.Value));
    }

    [Fact]
    public void Compile_Route_ReturnsTheVersionAndTheDecision()
    {
        var definition = Definition(
        [
            Rule("enterprise", "Enterprise Success", Priority.P2, new RuleCondition("tier", RuleOperator.Equals, ["Enterprise"])),
            Default,
        ]);

        var routing = definition.Compile(7);
        var (assessment, decision) = routing.Route(SampleSignals.With(tier: Tier.Enterprise));

        Assert.Equal(7, routing.Version);
        Assert.Same(definition, routing.Definition);
        Assert.Equal((7, "enterprise", "Enterprise Success", Priority.P2), (decision.RulesetVersion, decision.MatchedRuleId, decision.Team, decision.Priority));
        Assert.Equal(Tier.Enterprise, assessment.Facts.Tier);
        Assert.Equal("Pro", routing.Route(SampleSignals.With(tier: Tier.Pro)).Decision.SkippedRules.Single().FailedCondition.Actual);
    }

    [Fact]
    public void Compile_RulesWithoutDefault_Throws()
    {
        var definition = Definition([Rule("vip", "Enterprise Success", Priority.P1, new RuleCondition("tier", RuleOperator.Equals, ["Enterprise"]))]);

        var error = Assert.Throws<InvalidOperationException>(() => definition.Compile(3));

        Assert.Contains("Ruleset 3 is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_CustomPhraseList_IsTheOneUsed()
    {
        var custom = Definition(phrases: new Dictionary<Intent, IReadOnlyList<string>> { [Intent.Billing] = ["money back"] }).Compile(2);
        var usual = Definition().Compile(1);

        var moneyBack = custom.Assess(SampleSignals.With(text: "I want my money back"));

        Assert.Equal(Intent.Billing, moneyBack.Facts.Intent);
        Assert.Equal(["money back"], moneyBack.Intent.MatchedPhrases);
        Assert.Null(custom.Assess(SampleSignals.With(text: "refund please")).Facts.Intent);
        Assert.Equal(Intent.Billing, usual.Assess(SampleSignals.With(text: "refund please")).Facts.Intent);
    }

    [Fact]
    public void Assess_BillingWeightChanged_ChangesScoreIntentPartAndDecision()
    {
        RoutingRule[] rules =
        [
            Rule("complex", "Technical Escalations", Priority.P2, new RuleCondition("complexityScore", RuleOperator.AtLeast, ["40"])),
            Default,
        ];
        var heavier = SampleRouting.Weights with
        {
            IntentWeights = new Dictionary<Intent, int>(SampleRouting.Weights.IntentWeights) { [Intent.Billing] = 45 },
        };
        var signals = SampleSignals.With(text: "refund please");

        var (usual, usualDecision) = Definition(rules).Compile(1).Route(signals);
        var (edited, editedDecision) = Definition(rules, weights: heavier).Compile(2).Route(signals);

        Assert.Equal((10, 10), (usual.Complexity.Value, usual.Complexity.Parts.Single(p => p.Key == "intent").Points));
        Assert.Equal((45, 45), (edited.Complexity.Value, edited.Complexity.Parts.Single(p => p.Key == "intent").Points));
        Assert.Equal(45, edited.Facts.ComplexityScore);
        Assert.Equal("General Support", usualDecision.Team);
        Assert.Equal("Technical Escalations", editedDecision.Team);
    }

    [Fact]
    public void Assess_SignalsBecomeTheFactsRulesSee()
    {
        var signals = SampleSignals.With(
            text: "Our webhook sync fails",
            tier: Tier.Starter,
            valueScore: 73,
            arr: 12_345.67m,
            stage: null,
            atRisk: true,
            channel: Channel.Email,
            repeatContact: true,
            openIssues: 1,
            lastCsat: 2,
            segments: ["power-users", "new-and-stuck"],
            language: "de-DE",
            businessHours: false,
            integrationsInUse: 2,
            priorEscalations: 1);

        var assessment = Definition().Compile(1).Assess(signals);
        var facts = assessment.Facts;

        Assert.Equal((Tier.Starter, 73, 12_345.67m, (LifecycleStage?)null, true), (facts.Tier, facts.ValueScore, facts.Arr, facts.LifecycleStage, facts.AtRisk));
        Assert.Equal((Channel.Email, true, 1, (int?)2, "de-DE", false), (facts.Channel, facts.RepeatContact, facts.OpenIssues, facts.LastCsat, facts.Language, facts.BusinessHours));
        Assert.Equal(["new-and-stuck", "power-users"], facts.Segments.Order(StringComparer.Ordinal));
        Assert.Equal(Intent.Integration, facts.Intent);
        // Integration 35 + webhook 10 + 2 integrations 10 + 1 open issue 10 + 1 escalation 10.
        Assert.Equal(75, facts.ComplexityScore);
        Assert.Equal(facts.ComplexityScore, assessment.Complexity.Value);
    }
}
