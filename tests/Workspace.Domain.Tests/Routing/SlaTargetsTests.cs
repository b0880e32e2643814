using Workspace.Domain.Conversations;
using Workspace.Domain.Routing;

namespace Workspace.Domain.Tests.Routing;

public class SlaTargetsTests
{
    private static RoutingDecision Decision(Priority priority, int? firstResponse = null, int? resolution = null) =>
        new(1, "rule", "Rule", [], [], "General Support", priority, [], firstResponse, resolution, StickyPreference.None);

    [Theory]
    [InlineData(Priority.P1, 5, 240)]
    [InlineData(Priority.P2, 15, 480)]
    [InlineData(Priority.P3, 60, 1440)]
    [InlineData(Priority.P4, 240, 4320)]
    public void Of_RuleSetsNoTargets_DefaultsForThePriority(Priority priority, int firstResponse, int resolution) =>
        Assert.Equal((firstResponse, resolution), SlaTargets.Of(Decision(priority)));

    [Fact]
    public void Of_RuleSetsBothTargets_RuleWins() =>
        Assert.Equal((30, 120), SlaTargets.Of(Decision(Priority.P4, firstResponse: 30, resolution: 120)));

    [Fact]
    public void Of_RuleSetsOnlyFirstResponse_ResolutionFromThePriority() =>
        Assert.Equal((2, 240), SlaTargets.Of(Decision(Priority.P1, firstResponse: 2)));

    [Fact]
    public void Of_RuleSetsOnlyResolution_FirstResponseFromThePriority() =>
        Assert.Equal((60, 600), SlaTargets.Of(Decision(Priority.P3, resolution: 600)));

    [Fact]
    public void Of_DecidedDefaultRuleWithoutPriority_P3Targets()
    {
        var ruleset = new Ruleset(1, [new("default", "Default", true, [], new RuleActions("General Support", [], null, null, null))]);
        var facts = RoutingDefinition.Starter("General Support").Compile(1).Assess(SampleSignals.With()).Facts;

        Assert.Equal((60, 1440), SlaTargets.Of(ruleset.Compile().Decide(facts)));
    }
}
