using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Routing;

namespace Workspace.Domain.Tests.Routing;

public class RulesetTests
{
    private static RuleActions Route(string team, Priority priority, int? firstResponse = null, params string[] skills) =>
        new(team, skills, priority, firstResponse, null);

    /// <summary>The demo ruleset of the routing issue, in its order.</summary>
    private static readonly Ruleset Demo = new(1,
    [
        new("enterprise", "Enterprise accounts", true, [new("tier", RuleOperator.Equals, ["Enterprise"])], Route("Enterprise Success", Priority.P2, 15)),
        new("at-risk-high-value", "At-risk high value", true,
            [new("atRisk", RuleOperator.Equals, ["true"]), new("valueScore", RuleOperator.AtLeast, ["70"])], Route("Enterprise Success", Priority.P1)),
        new("complex", "Complex technical", true, [new("complexityScore", RuleOperator.AtLeast, ["70"])], Route("Technical Escalations", Priority.P2, null, "api")),
        new("onboarding", "Onboarding", true, [new("lifecycleStage", RuleOperator.Equals, ["Onboarding"])], Route("Onboarding Specialists", Priority.P3)),
        new("default", "Default", true, [], Route("General Support", Priority.P3)),
    ]);

    private static RoutingFacts Facts(Tier tier = Tier.Pro, int valueScore = 40, LifecycleStage stage = LifecycleStage.Adoption, bool atRisk = false,
        int complexity = 10, Intent? intent = null, IReadOnlySet<string>? segments = null, string? language = "en-US", int? lastCsat = null) =>
        new(tier, valueScore, 20_000m, stage, atRisk, complexity, intent, Channel.Chat, false, 0, lastCsat, segments ?? new HashSet<string>(), language, true);

    [Fact]
    public void Decide_Enterprise_FirstRuleWithTrace()
    {
        var decision = Demo.Compile().Decide(Facts(tier: Tier.Enterprise, stage: LifecycleStage.Onboarding));

        Assert.Equal(("enterprise", "Enterprise Success", Priority.P2, 15), (decision.MatchedRuleId, decision.Team, decision.Priority, decision.FirstResponseMinutes));
        var condition = Assert.Single(decision.Conditions);
        Assert.Equal(new ConditionTrace("tier", RuleOperator.Equals, "Enterprise", "Enterprise", true), condition);
        Assert.Empty(decision.SkippedRules);
        Assert.Equal(1, decision.RulesetVersion);
    }

    [Fact]
    public void Decide_AtRiskHighValue_SkipsEnterpriseNamingTheFailedCondition()
    {
        var decision = Demo.Compile().Decide(Facts(tier: Tier.Pro, valueScore: 82, atRisk: true));

        Assert.Equal("at-risk-high-value", decision.MatchedRuleId);
        Assert.Equal(Priority.P1, decision.Priority);
        Assert.Equal([true, true], decision.Conditions.Select(c => c.Held));
        Assert.Equal("82", decision.Conditions[1].Actual);
        var skipped = Assert.Single(decision.SkippedRules);
        Assert.Equal(("enterprise", "tier", "Pro", false), (skipped.Id, skipped.FailedCondition.Field, skipped.FailedCondition.Actual, skipped.FailedCondition.Held));
    }

    [Fact]
    public void Decide_AtRiskButLowValue_FallsThroughToTheNextMatchingRule()
    {
        var decision = Demo.Compile().Decide(Facts(valueScore: 50, atRisk: true, complexity: 75));

        Assert.Equal(("complex", "Technical Escalations"), (decision.MatchedRuleId, decision.Team));
        Assert.Equal(["api"], decision.RequiredSkills);
        Assert.Equal("valueScore", decision.SkippedRules[1].FailedCondition.Field);
    }

    [Fact]
    public void Decide_Onboarding_OnboardingSpecialists()
    {
        var decision = Demo.Compile().Decide(Facts(stage: LifecycleStage.Onboarding));

        Assert.Equal(("onboarding", "Onboarding Specialists", Priority.P3), (decision.MatchedRuleId, decision.Team, decision.Priority));
        Assert.Equal(3, decision.SkippedRules.Count);
    }

    [Fact]
    public void Decide_NothingSpecial_DefaultRuleWithEveryEarlierRuleExplained()
    {
        var decision = Demo.Compile().Decide(Facts());

        Assert.Equal(("default", "General Support"), (decision.MatchedRuleId, decision.Team));
        Assert.Empty(decision.Conditions);
        Assert.Equal(["enterprise", "at-risk-high-value", "complex", "onboarding"], decision.SkippedRules.Select(s => s.Id));
        Assert.All(decision.SkippedRules, s => Assert.False(s.FailedCondition.Held));
    }

    [Theory]
    [InlineData("valueScore", RuleOperator.Equals, "40", true)]
    [InlineData("valueScore", RuleOperator.NotEquals, "40", false)]
    [InlineData("valueScore", RuleOperator.GreaterThan, "40", false)]
    [InlineData("valueScore", RuleOperator.LessThan, "41", true)]
    [InlineData("valueScore", RuleOperator.AtLeast, "40", true)]
    [InlineData("valueScore", RuleOperator.AtMost, "39", false)]
    [InlineData("valueScore", RuleOperator.Between, "30,50", true)]
    [InlineData("valueScore", RuleOperator.Between, "50,30", true)]
    [InlineData("arr", RuleOperator.AtLeast, "20000", true)]
    [InlineData("tier", RuleOperator.In, "Starter,Pro", true)]
    [InlineData("tier", RuleOperator.NotIn, "Starter,Pro", false)]
    [InlineData("tier", RuleOperator.NotEquals, "Free", true)]
    [InlineData("intent", RuleOperator.Equals, "Billing", true)]
    [InlineData("language", RuleOperator.Contains, "en", true)]
    [InlineData("language", RuleOperator.Equals, "EN-us", true)]
    [InlineData("segment", RuleOperator.Contains, "power-users", true)]
    [InlineData("segment", RuleOperator.Contains, "new-and-stuck", false)]
    [InlineData("lastCsat", RuleOperator.AtMost, "2", false)]
    [InlineData("businessHours", RuleOperator.Equals, "true", true)]
    [InlineData("channel", RuleOperator.Equals, "Chat", true)]
    [InlineData("repeatContact", RuleOperator.Equals, "false", true)]
    [InlineData("openIssues", RuleOperator.Equals, "0", true)]
    [InlineData("atRisk", RuleOperator.Equals, "true", false)]
    [InlineData("lifecycleStage", RuleOperator.Equals, "Adoption", true)]
    [InlineData("complexityScore", RuleOperator.LessThan, "20", true)]
    public void Decide_EachFieldAndOperator_HoldsAsWritten(string field, RuleOperator op, string values, bool matches)
    {
        var ruleset = new Ruleset(7,
        [
            new("r", "Under test", true, [new(field, op, values.Split(','))], Route("Team A", Priority.P2)),
            new("d", "Default", true, [], Route("Team B", Priority.P4)),
        ]);
        Assert.True(ruleset.Validate().IsEmpty, ruleset.Validate().ToString());

        var decision = ruleset.Compile().Decide(Facts(intent: Intent.Billing, segments: new HashSet<string> { "power-users" }));

        Assert.Equal(matches ? "r" : "d", decision.MatchedRuleId);
    }

    [Fact]
    public void Decide_AnyOfRule_MatchesOnOneHeldCondition()
    {
        var ruleset = new Ruleset(2,
        [
            new("any", "Either", false, [new("tier", RuleOperator.Equals, ["Free"]), new("valueScore", RuleOperator.AtLeast, ["30"])], Route("A", Priority.P2)),
            new("d", "Default", true, [], Route("B", Priority.P3)),
        ]);

        var decision = ruleset.Compile().Decide(Facts());

        Assert.Equal("any", decision.MatchedRuleId);
        Assert.Equal([false, true], decision.Conditions.Select(c => c.Held));
    }

    [Fact]
    public void Validate_UnknownFieldWrongTypeAndWrongOperator_EachNamed()
    {
        var ruleset = new Ruleset(3,
        [
            new("a", "A", true, [new("shoeSize", RuleOperator.Equals, ["42"])], Route("X", Priority.P2)),
            new("b", "B", true, [new("valueScore", RuleOperator.AtLeast, ["high"])], Route("X", Priority.P2)),
            new("c", "C", true, [new("atRisk", RuleOperator.GreaterThan, ["1"])], Route("X", Priority.P2)),
            new("d", "D", true, [new("valueScore", RuleOperator.Between, ["1"])], Route("X", Priority.P2)),
            new("z", "Default", true, [], Route("X", Priority.P3)),
        ]);

        var errors = ruleset.Validate().ToDictionary();

        Assert.Contains("Unknown field 'shoeSize'", errors["rules[0].conditions[0].field"][0], StringComparison.Ordinal);
        Assert.Contains("'high' is not a number", errors["rules[1].conditions[0].values"][0], StringComparison.Ordinal);
        Assert.Contains("does not apply to At risk", errors["rules[2].conditions[0].operator"][0], StringComparison.Ordinal);
        Assert.Contains("Between takes two values", errors["rules[3].conditions[0].values"][0], StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(ruleset.Compile);
    }

    [Fact]
    public void Validate_CatchAllBeforeOtherRules_ReportsUnreachableRules()
    {
        var ruleset = new Ruleset(4,
        [
            new("all", "Everything", true, [], Route("A", Priority.P3)),
            new("vip", "VIP", true, [new("tier", RuleOperator.Equals, ["Enterprise"])], Route("B", Priority.P1)),
            new("d", "Default", true, [], Route("C", Priority.P3)),
        ]);

        var errors = ruleset.Validate().ToDictionary();

        Assert.Contains("the 2 rule(s) after it could never match", errors["rules[0].conditions"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoDefaultOrDefaultWithoutTeam_Refused()
    {
        var noDefault = new Ruleset(5, [new("vip", "VIP", true, [new("tier", RuleOperator.Equals, ["Enterprise"])], Route("B", Priority.P1))]);
        var teamless = new Ruleset(6, [new("d", "Default", true, [], new RuleActions(null, [], Priority.P3, null, null))]);

        Assert.Contains("The last rule must be a default", string.Join(" ", noDefault.Validate().ToDictionary()["rules"]), StringComparison.Ordinal);
        Assert.Contains("must route to a team", teamless.Validate().ToDictionary()["rules[0].actions.team"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownTeamAndBadSla_Named()
    {
        var ruleset = new Ruleset(8,
        [
            new("a", "A", true, [new("tier", RuleOperator.Equals, ["Pro"])], new RuleActions("Nowhere", [], Priority.P2, 60, 30)),
            new("d", "Default", true, [], Route("General Support", Priority.P3)),
        ]);

        var errors = ruleset.Validate(["General Support"]).ToDictionary();

        Assert.Contains("There is no team 'Nowhere'", errors["rules[0].actions.team"][0], StringComparison.Ordinal);
        Assert.Contains("cannot be shorter", errors["rules[0].actions.sla"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void ReplyTemplate_AloneIsAnAction_DescribedAndCarriedIntoTheDecision()
    {
        var ruleset = new Ruleset(9,
        [
            new("billing", "Billing answers itself", true, [new("intent", RuleOperator.Equals, ["Billing"])],
                new RuleActions(null, [], null, null, null, ReplyTemplate: "invoice-question")),
            new("d", "Default", true, [], Route("General Support", Priority.P3)),
        ]);

        Assert.True(ruleset.Validate(["General Support"], ["invoice-question"]).IsEmpty);
        Assert.Equal("reply with template “invoice-question” and wait", RuleText.Describe(ruleset.Rules[0].Actions));
        var decision = ruleset.Compile().Decide(Facts() with { Intent = Intent.Billing });
        Assert.Equal("billing", decision.MatchedRuleId);
        Assert.Equal("invoice-question", decision.ReplyTemplate);
        Assert.Null(ruleset.Compile().Decide(Facts()).ReplyTemplate);
    }

    [Fact]
    public void Validate_ReplyTemplateNotPublished_Named()
    {
        var ruleset = new Ruleset(10,
        [
            new("a", "A", true, [new("tier", RuleOperator.Equals, ["Pro"])], new RuleActions("General Support", [], null, null, null, ReplyTemplate: "gone")),
            new("d", "Default", true, [], Route("General Support", Priority.P3)),
        ]);

        var errors = ruleset.Validate(["General Support"], ["invoice-question"]).ToDictionary();

        Assert.Equal(["There is no published template 'gone'."], errors["rules[0].actions.replyTemplate"]);
    }

    [Fact]
    public void Decide_MatchedRuleNamesNoTeam_KeepsTheDefaultRulesTeam()
    {
        var ruleset = new Ruleset(11,
        [
            new("urgent", "Urgent for enterprise", true, [new("tier", RuleOperator.Equals, ["Enterprise"])], new RuleActions(null, [], Priority.P1, 10, null)),
            new("d", "Default", true, [], Route("General Support", Priority.P3)),
        ]);

        var decision = ruleset.Compile().Decide(Facts(tier: Tier.Enterprise));

        Assert.Equal(("urgent", "General Support", Priority.P1, (int?)10), (decision.MatchedRuleId, decision.Team, decision.Priority, decision.FirstResponseMinutes));
    }

    [Fact]
    public void Validate_OverlongNameAndSkills_NamedBeforeTheyCanBreakStorage()
    {
        var ruleset = new Ruleset(12,
        [
            new("a", new string('n', 101), true, [new("tier", RuleOperator.Equals, ["Pro"])],
                new RuleActions("General Support", [.. Enumerable.Range(0, 11).Select(i => $"skill{i}")], null, null, null)),
            new("d", "Default", true, [], Route("General Support", Priority.P3)),
        ]);

        var errors = ruleset.Validate(["General Support"]).ToDictionary();

        Assert.Equal(["A rule name is at most 100 characters."], errors["rules[0].name"]);
        Assert.Contains("at most 10 skills", errors["rules[0].actions.skills"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SkillNobodyHas_NamedWithTheKnownOnes()
    {
        var ruleset = new Ruleset(13,
        [
            new("a", "API questions", true, [new("intent", RuleOperator.Equals, ["Integration"])], Route("Technical Escalations", Priority.P2, null, "apii")),
            new("d", "Default", true, [], Route("General Support", Priority.P3)),
        ]);

        var errors = ruleset.Validate(["General Support", "Technical Escalations"], null, ["api", "billing"]).ToDictionary();

        Assert.Equal(["No agent has the skill 'apii'. Known: api, billing."], errors["rules[0].actions.skills"]);
        Assert.True(ruleset.Validate(["General Support", "Technical Escalations"]).IsEmpty);
    }
}
