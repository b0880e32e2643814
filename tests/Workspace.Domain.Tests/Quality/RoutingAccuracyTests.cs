using Workspace.Domain.Quality;

namespace Workspace.Domain.Tests.Quality;

public class RoutingAccuracyTests
{
    private static readonly (string Id, string Name)[] Rules = [("enterprise", "Enterprise accounts"), ("onboarding", "Onboarding"), ("default", "Default")];

    [Fact]
    public void PerRule_FlagsAndReassignments_CountAgainstTheRule()
    {
        (string, string, bool, bool)[] rows =
        [
            ("enterprise", "Enterprise accounts", false, false),
            ("enterprise", "Enterprise accounts", true, false),
            ("enterprise", "Enterprise accounts", false, true),
            ("enterprise", "Enterprise accounts", true, true),
            ("default", "Default", false, false),
            ("default", "Default", false, false),
        ];

        var figures = RoutingAccuracy.PerRule(rows, Rules);

        // Enterprise: only the first of four was neither flagged nor reassigned: 1/4.
        var enterprise = figures[0];
        Assert.Equal(("enterprise", 4, 2, 2, 1, 0.25), (enterprise.RuleId, enterprise.Conversations, enterprise.Flagged, enterprise.Reassigned, enterprise.Accurate, enterprise.Accuracy));
        Assert.Equal("1 of 4 conversations neither flagged as wrong routing nor reassigned (2 flagged, 2 reassigned).", enterprise.Reason);
        Assert.Equal(1.0, figures[2].Accuracy);
    }

    [Fact]
    public void PerRule_RuleThatRoutedNothing_ListedWithoutAccuracy()
    {
        var onboarding = RoutingAccuracy.PerRule([("default", "Default", false, false)], Rules)[1];

        Assert.Equal(("onboarding", "Onboarding", 0, (double?)null), (onboarding.RuleId, onboarding.RuleName, onboarding.Conversations, onboarding.Accuracy));
        Assert.Equal("This rule routed no conversations in the period.", onboarding.Reason);
    }

    [Fact]
    public void PerRule_RulesInTheirOrder_ThenRulesOnlySeenInTheRows()
    {
        var figures = RoutingAccuracy.PerRule([("retired", "Old VIP rule", false, true), ("default", "Default", false, false)], Rules);

        Assert.Equal(["enterprise", "onboarding", "default", "retired"], figures.Select(f => f.RuleId));
        Assert.Equal(0.0, figures[3].Accuracy);
    }

    [Fact]
    public void PerRule_ReviewsFlaggingWrongRouting_LowerTheRulesAccuracy()
    {
        // Three conversations routed by "enterprise", reviewed; one review says it belonged to Billing.
        ReviewInput[] reviews =
        [
            SampleScorecards.Review(2, 5, 4, null),
            SampleScorecards.Review(2, 5, 4, null, new WrongRouting("Billing")),
            SampleScorecards.Review(1, 3, 3, null, new TemplateMisfit("welcome", 2)),
        ];

        var figures = RoutingAccuracy.PerRule(reviews.Select(r => ("enterprise", "Enterprise accounts", r.FlagsWrongRouting, false)));

        var enterprise = Assert.Single(figures);
        Assert.Equal((1, 2.0 / 3), (enterprise.Flagged, enterprise.Accuracy));
    }

    [Fact]
    public void PerRule_Nothing_Empty() => Assert.Empty(RoutingAccuracy.PerRule([]));
}
