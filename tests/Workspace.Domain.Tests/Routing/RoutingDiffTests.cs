using Workspace.Domain.Conversations;
using Workspace.Domain.Routing;

namespace Workspace.Domain.Tests.Routing;

public class RoutingDiffTests
{
    private static readonly RoutingRule Enterprise = new("enterprise", "Enterprise accounts", true, [new("tier", RuleOperator.Equals, ["Enterprise"])],
        new RuleActions("Enterprise Success", [], Priority.P2, 15, null));

    private static readonly RoutingRule Complex = new("complex", "Complex technical", true, [new("complexityScore", RuleOperator.AtLeast, ["70"])],
        new RuleActions("Technical Escalations", ["api"], Priority.P2, null, null));

    private static readonly RoutingRule Onboarding = new("onboarding", "Onboarding", true, [new("lifecycleStage", RuleOperator.Equals, ["Onboarding"])],
        new RuleActions("Onboarding Specialists", [], Priority.P3, null, null));

    private static readonly RoutingRule Default = new("default", "Default", true, [], new RuleActions("General Support", [], Priority.P3, null, null));

    private static readonly RoutingRule AtRisk = new("at-risk", "At risk", true, [new("atRisk", RuleOperator.Equals, ["true"])],
        new RuleActions("Enterprise Success", [], Priority.P1, null, null));

    private static readonly RoutingDefinition Before = new(
        [Enterprise, Complex, Onboarding, Default],
        new Dictionary<Intent, IReadOnlyList<string>>
        {
            [Intent.Billing] = ["invoice", "refund"],
            [Intent.HowTo] = ["how do i"],
        },
        SampleRouting.Weights);

    private static RoutingDefinition WithRules(params RoutingRule[] rules) => Before with { Rules = rules };

    [Fact]
    public void Between_FirstVersion_ListsEveryRuleAsAddedInOrder()
    {
        var lines = RoutingDiff.Between(null, Before);

        Assert.Equal(
        [
            "Added rule 1 “Enterprise accounts”: when Tier is Enterprise → route to Enterprise Success, P2, first response 15 min.",
            "Added rule 2 “Complex technical”: when Complexity score ≥ 70 → route to Technical Escalations, require api, P2.",
            "Added rule 3 “Onboarding”: when Lifecycle stage is Onboarding → route to Onboarding Specialists, P3.",
            "Added rule 4 “Default”: when always → route to General Support, P3.",
        ], lines.Take(4));
        Assert.DoesNotContain(lines, l => l.Contains("moved", StringComparison.Ordinal) || l.StartsWith("Removed", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Complexity weight", StringComparison.Ordinal));
    }

    [Fact]
    public void Between_RuleAddedInTheMiddle_ReportsOnlyTheAddition()
    {
        var lines = RoutingDiff.Between(Before, WithRules(Enterprise, AtRisk, Complex, Onboarding, Default));

        Assert.Equal(["Added rule 2 “At risk”: when At risk is true → route to Enterprise Success, P1."], lines);
    }

    [Fact]
    public void Between_RuleRemoved_NamesItsOldPosition()
    {
        var lines = RoutingDiff.Between(Before, WithRules(Enterprise, Complex, Default));

        Assert.Equal(["Removed rule 3 “Onboarding”."], lines);
    }

    [Fact]
    public void Between_FirstRuleRemoved_LaterRulesAreNotReportedAsMoved()
    {
        var lines = RoutingDiff.Between(Before, WithRules(Complex, Onboarding, Default));

        Assert.Equal(["Removed rule 1 “Enterprise accounts”."], lines);
    }

    [Fact]
    public void Between_TwoRulesSwapped_ReportsBothMoves()
    {
        var lines = RoutingDiff.Between(Before, WithRules(Complex, Enterprise, Onboarding, Default));

        Assert.Equal(
        [
            "Rule “Complex technical” moved from position 2 to 1.",
            "Rule “Enterprise accounts” moved from position 1 to 2.",
        ], lines);
    }

    [Fact]
    public void Between_RuleRenamed_OldAndNewName()
    {
        var lines = RoutingDiff.Between(Before, WithRules(Enterprise, Complex, Onboarding with { Name = "New customers" }, Default));

        Assert.Equal(["Rule “Onboarding” renamed to “New customers”."], lines);
    }

    [Fact]
    public void Between_ThresholdLowered_OldAndNewConditionText()
    {
        var lowered = Complex with { Conditions = [new("complexityScore", RuleOperator.AtLeast, ["50"])] };

        var lines = RoutingDiff.Between(Before, WithRules(Enterprise, lowered, Onboarding, Default));

        Assert.Equal(["Rule “Complex technical” conditions: Complexity score ≥ 70 → Complexity score ≥ 50."], lines);
    }

    [Fact]
    public void Between_AllOfBecomesAnyOf_ConditionJoinShown()
    {
        RuleCondition[] both = [new("tier", RuleOperator.Equals, ["Enterprise"]), new("valueScore", RuleOperator.AtLeast, ["70"])];
        var before = WithRules(Enterprise with { Conditions = both }, Default);
        var after = WithRules(Enterprise with { Conditions = both, MatchAll = false }, Default);

        var lines = RoutingDiff.Between(before, after);

        Assert.Equal(["Rule “Enterprise accounts” conditions: Tier is Enterprise and Value score ≥ 70 → Tier is Enterprise or Value score ≥ 70."], lines);
    }

    [Fact]
    public void Between_ActionsChanged_OldAndNewActionText()
    {
        var faster = Complex with { Actions = Complex.Actions with { Priority = Priority.P1, FirstResponseMinutes = 30, Sticky = StickyPreference.LastAgent } };

        var lines = RoutingDiff.Between(Before, WithRules(Enterprise, faster, Onboarding, Default));

        Assert.Equal(
            ["Rule “Complex technical” actions: route to Technical Escalations, require api, P2 → route to Technical Escalations, require api, P1, first response 30 min, prefer the last agent."],
            lines);
    }

    [Fact]
    public void Between_RuleMovedRenamedAndChanged_EveryChangeUnderTheNewName()
    {
        var changed = Onboarding with
        {
            Name = "New customers",
            Conditions = [new("lifecycleStage", RuleOperator.In, ["Onboarding", "Adoption"])],
            Actions = Onboarding.Actions with { Priority = Priority.P2 },
        };

        var lines = RoutingDiff.Between(Before, WithRules(Enterprise, changed, Complex, Default));

        Assert.Equal(
        [
            "Rule “New customers” moved from position 3 to 2.",
            "Rule “Onboarding” renamed to “New customers”.",
            "Rule “New customers” conditions: Lifecycle stage is Onboarding → Lifecycle stage is one of Onboarding, Adoption.",
            "Rule “New customers” actions: route to Onboarding Specialists, P3 → route to Onboarding Specialists, P2.",
            "Rule “Complex technical” moved from position 2 to 3.",
        ], lines);
    }

    [Fact]
    public void Between_IntentPhrasesAddedAndRemoved_CaseChangesIgnored()
    {
        var after = Before with
        {
            IntentPhrases = new Dictionary<Intent, IReadOnlyList<string>>
            {
                [Intent.Billing] = ["invoice", "money back", "charged"],
                [Intent.HowTo] = ["How do I"],
                [Intent.Outage] = ["down"],
            },
        };

        var lines = RoutingDiff.Between(Before, after);

        Assert.Equal(
        [
            "Billing phrases added: “money back”, “charged”.",
            "Billing phrases removed: “refund”.",
            "Outage phrases added: “down”.",
        ], lines);
    }

    [Fact]
    public void Between_IntentListDropped_EveryPhraseRemoved()
    {
        var after = Before with { IntentPhrases = new Dictionary<Intent, IReadOnlyList<string>> { [Intent.Billing] = ["invoice", "refund"] } };

        Assert.Equal(["HowTo phrases removed: “how do i”."], RoutingDiff.Between(Before, after));
    }

    [Fact]
    public void Between_WeightsChanged_OldAndNewValueIntentsFirst()
    {
        var after = Before with
        {
            Weights = SampleRouting.Weights with
            {
                PerOpenIssue = 15,
                IntentWeights = new Dictionary<Intent, int>(SampleRouting.Weights.IntentWeights) { [Intent.Billing] = 25 },
            },
        };

        var lines = RoutingDiff.Between(Before, after);

        Assert.Equal(["Complexity weight intent Billing: 10 → 25.", "Complexity weight per open issue: 10 → 15."], lines);
    }

    [Fact]
    public void Between_SeveralChanges_RemovalsFirstThenRulesInNewOrderThenPhrasesThenWeights()
    {
        var after = new RoutingDefinition(
            [Enterprise, AtRisk, Complex, Default],
            new Dictionary<Intent, IReadOnlyList<string>> { [Intent.Billing] = ["invoice", "refund", "vat"], [Intent.HowTo] = ["how do i"] },
            SampleRouting.Weights with { EscalationCap = 30 });

        var lines = RoutingDiff.Between(Before, after);

        Assert.Equal(
        [
            "Removed rule 3 “Onboarding”.",
            "Added rule 2 “At risk”: when At risk is true → route to Enterprise Success, P1.",
            "Billing phrases added: “vat”.",
            "Complexity weight escalation cap: 20 → 30.",
        ], lines);
    }

    [Fact]
    public void Between_SameContentInNewInstances_NoChanges()
    {
        var copy = RoutingJson.Read<RoutingDefinition>(RoutingJson.Write(Before));

        Assert.Empty(RoutingDiff.Between(Before, copy));
        Assert.Empty(RoutingDiff.Between(Before, Before));
    }
}
