using System.Globalization;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Routing;

namespace Workspace.Domain.Tests.Routing;

public class RoutingSimulationTests
{
    private const string Es = "Enterprise Success";
    private const string Te = "Technical Escalations";
    private const string Gs = "General Support";

    /// <summary>Monday morning; the history runs through the day.</summary>
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PeriodEnd = T0.AddDays(1);

    private static readonly RoutingRule EnterpriseRule = new("enterprise", "Enterprise accounts", true, [new("tier", RuleOperator.Equals, ["Enterprise"])],
        new RuleActions(Es, [], Priority.P2, null, null));

    private static readonly RoutingRule DefaultRule = new("default", "Default", true, [], new RuleActions(Gs, [], Priority.P3, null, null));

    private static RoutingRule ComplexRule(int threshold) => new("complex", "Complex technical", true,
        [new("complexityScore", RuleOperator.AtLeast, [threshold.ToString(CultureInfo.InvariantCulture)])],
        new RuleActions(Te, ["api"], Priority.P2, null, null));

    private static RoutingDefinition Definition(params RoutingRule[] rules) => new(rules, SampleRouting.Phrases, SampleRouting.Weights);

    /// <summary>Version A, which decided the history below.</summary>
    private static readonly RoutingDefinition VersionA = Definition(EnterpriseRule, ComplexRule(70), DefaultRule);

    /// <summary>Draft B: at-risk customers get P1 in General Support, and the complexity threshold drops to 50.</summary>
    private static readonly RoutingDefinition DraftB = Definition(EnterpriseRule,
        new("at-risk", "At risk", true, [new("atRisk", RuleOperator.Equals, ["true"])], new RuleActions(Gs, [], Priority.P1, null, null)),
        ComplexRule(50), DefaultRule);

    private static readonly Dictionary<string, int> Capacities = new()
    {
        [Es] = 2,
        [Te] = 2,
        [Gs] = 4,
        ["Onboarding Specialists"] = 3,
    };

    private static SimulationCase Case(long id, int arrivesAfterMinutes, int? resolvedAfterMinutes, RoutingSignals signals, string? team, string rule, Priority priority) =>
        new(id, T0.AddMinutes(arrivesAfterMinutes), resolvedAfterMinutes is { } r ? T0.AddMinutes(r) : null, signals, team, rule, priority);

    private const string Outage = "Nothing loads, is there an outage?";
    private const string Bug = "The export button does nothing";

    /// <summary>Ten conversations as version A routed them; the comment gives each one's complexity.</summary>
    private static readonly SimulationCase[] History =
    [
        Case(101, 0, 60, SampleSignals.With(tier: Tier.Enterprise), Es, "Enterprise accounts", Priority.P2),                                   // 0
        Case(102, 10, 40, SampleSignals.With(text: Outage, openIssues: 2, priorEscalations: 1), Te, "Complex technical", Priority.P2),          // 70
        Case(103, 20, 120, SampleSignals.With(text: Outage, openIssues: 1), Gs, "Default", Priority.P3),                                        // 50
        Case(104, 30, null, SampleSignals.With(tier: Tier.Starter, text: Bug, openIssues: 2), Gs, "Default", Priority.P3),                      // 50, still open
        Case(105, 40, 60, SampleSignals.With(text: Bug, openIssues: 1), Gs, "Default", Priority.P3),                                            // 40
        Case(106, 60, 90, SampleSignals.With(tier: Tier.Free), Gs, "Default", Priority.P3),                                                     // 0
        Case(107, 60, 80, SampleSignals.With(atRisk: true), Gs, "Default", Priority.P3),                                                        // 0
        Case(108, 60, 90, SampleSignals.With(tier: Tier.Enterprise, text: Outage, openIssues: 2, priorEscalations: 1), Es, "Enterprise accounts", Priority.P2), // 70
        Case(109, 90, 120, SampleSignals.With(text: "How do I share a dashboard?"), Gs, "Default", Priority.P3),                               // 5
        Case(110, 120, 150, SampleSignals.With(integrationsInUse: 1, openIssues: 2, priorEscalations: 2), Gs, "Default", Priority.P3),          // 45
    ];

    private static SimulationCase Interval(int arrivesAfterMinutes, int? resolvedAfterMinutes) =>
        Case(1, arrivesAfterMinutes, resolvedAfterMinutes, SampleSignals.With(), Gs, "Default", Priority.P3);

    [Fact]
    public void Run_HistoryComplexity_IsAsTheFixtureSays() =>
        Assert.Equal([0, 70, 50, 50, 40, 0, 0, 70, 5, 45], History.Select(c => VersionA.Compile(1).Assess(c.Signals).Facts.ComplexityScore));

    [Fact]
    public void Run_VersionThatDecidedTheHistory_ChangesNothing()
    {
        var result = RoutingSimulation.Run(VersionA.Compile(1), History, Capacities, PeriodEnd);

        Assert.Equal(10, result.Conversations);
        Assert.Empty(result.Changed);
        Assert.Equal(0, result.Moved);
        Assert.All(result.Teams, t => Assert.Equal((t.Actual, t.ActualPeakOpen), (t.Draft, t.DraftPeakOpen)));
    }

    [Fact]
    public void Run_LowerThresholdAndAtRiskRule_ListsExactlyTheChangedConversations()
    {
        var result = RoutingSimulation.Run(DraftB.Compile(2), History, Capacities, PeriodEnd);

        Assert.Equal(
        [
            new MovedConversation(103, T0.AddMinutes(20), Gs, "Default", Priority.P3, Te, "Complex technical", Priority.P2),
            new MovedConversation(104, T0.AddMinutes(30), Gs, "Default", Priority.P3, Te, "Complex technical", Priority.P2),
            new MovedConversation(107, T0.AddMinutes(60), Gs, "Default", Priority.P3, Gs, "At risk", Priority.P1),
        ], result.Changed);
        Assert.Equal([true, true, false], result.Changed.Select(c => c.TeamChanged));
        Assert.Equal(2, result.Moved);
        Assert.Equal(10, result.Conversations);
    }

    [Fact]
    public void Run_LowerThresholdAndAtRiskRule_CountsAndPeaksPerTeam()
    {
        var result = RoutingSimulation.Run(DraftB.Compile(2), History, Capacities, PeriodEnd);

        Assert.Equal(
        [
            // Enterprise: 108 arrives as 101 is resolved, so the seat is free again.
            new TeamLoad(Es, Actual: 2, Draft: 2, Capacity: 2, ActualPeakOpen: 1, DraftPeakOpen: 1),
            // General Support: 103, 104, 105 open, then at 10:00 105 resolves before 106 and 107 arrive.
            new TeamLoad(Gs, Actual: 7, Draft: 5, Capacity: 4, ActualPeakOpen: 4, DraftPeakOpen: 2),
            new TeamLoad("Onboarding Specialists", Actual: 0, Draft: 0, Capacity: 3, ActualPeakOpen: 0, DraftPeakOpen: 0),
            // Technical Escalations: 102, 103 and the unresolved 104 overlap at 09:30.
            new TeamLoad(Te, Actual: 1, Draft: 3, Capacity: 2, ActualPeakOpen: 1, DraftPeakOpen: 3),
        ], result.Teams);
        Assert.Equal([false, false, false, true], result.Teams.Select(t => t.DraftOverCapacity));
    }

    [Fact]
    public void Run_TeamWithoutCapacity_CountsAsZeroAndOverWhenItGetsWork()
    {
        var result = RoutingSimulation.Run(DraftB.Compile(2), History, new Dictionary<string, int> { [Gs] = 10 }, PeriodEnd);

        var te = result.Teams.Single(t => t.Team == Te);
        Assert.Equal((0, true), (te.Capacity, te.DraftOverCapacity));
        Assert.Equal([Es, Gs, Te], result.Teams.Select(t => t.Team));
    }

    [Fact]
    public void Run_UnroutedConversations_CountedUnderNoTeam()
    {
        // History has a conversation that reached no team; a rule that names no team keeps the default rule's.
        var tagOnly = new RoutingRule("tag-at-risk", "Tag at risk", true, [new("atRisk", RuleOperator.Equals, ["true"])],
            new RuleActions(null, [], Priority.P1, null, null));
        SimulationCase[] history =
        [
            Case(201, 0, 30, SampleSignals.With(atRisk: true), null, "Tag at risk", Priority.P1),
            Case(202, 10, 20, SampleSignals.With(), Gs, "Default", Priority.P3),
        ];

        var backToA = RoutingSimulation.Run(VersionA.Compile(3), history, new Dictionary<string, int>(), PeriodEnd);
        var tagging = RoutingSimulation.Run(Definition(tagOnly, DefaultRule).Compile(4), history, new Dictionary<string, int>(), PeriodEnd);

        Assert.Equal(
        [
            new TeamLoad(RoutingSimulation.Unrouted, Actual: 1, Draft: 0, Capacity: 0, ActualPeakOpen: 1, DraftPeakOpen: 0),
            new TeamLoad(Gs, Actual: 1, Draft: 2, Capacity: 0, ActualPeakOpen: 1, DraftPeakOpen: 2),
        ], backToA.Teams);
        var moved = Assert.Single(backToA.Changed);
        Assert.Equal(new MovedConversation(201, T0, null, "Tag at risk", Priority.P1, Gs, "Default", Priority.P3), moved);
        Assert.True(moved.TeamChanged);
        Assert.Equal(new MovedConversation(201, T0, null, "Tag at risk", Priority.P1, Gs, "Tag at risk", Priority.P1), Assert.Single(tagging.Changed));
        Assert.Equal(0, tagging.Teams.Single(t => t.Team == RoutingSimulation.Unrouted).Draft);
    }

    [Fact]
    public void Run_NoHistory_OnlyTeamsWithCapacity()
    {
        var result = RoutingSimulation.Run(VersionA.Compile(1), [], Capacities, PeriodEnd);

        Assert.Equal(0, result.Conversations);
        Assert.Empty(result.Changed);
        Assert.All(result.Teams, t => Assert.Equal((0, 0, 0, 0), (t.Actual, t.Draft, t.ActualPeakOpen, t.DraftPeakOpen)));
        Assert.Equal(4, result.Teams.Count);
    }

    [Fact]
    public void Run_PriorityOnlyChange_ChangedButNotMoved()
    {
        var urgent = Definition(EnterpriseRule with { Actions = EnterpriseRule.Actions with { Priority = Priority.P1 } }, ComplexRule(70), DefaultRule);

        var result = RoutingSimulation.Run(urgent.Compile(5), History, Capacities, PeriodEnd);

        Assert.Equal([101L, 108L], result.Changed.Select(c => c.ConversationId));
        Assert.All(result.Changed, c => Assert.Equal((Es, Es, Priority.P2, Priority.P1), (c.OldTeam, c.NewTeam, c.OldPriority, c.NewPriority)));
        Assert.Equal(0, result.Moved);
    }

    [Fact]
    public void PeakOpen_ResolutionAtTheSameInstantAsArrival_FreesTheSeatFirst() =>
        Assert.Equal(1, RoutingSimulation.PeakOpen([Interval(0, 60), Interval(60, 120), Interval(120, 180)], PeriodEnd));

    [Fact]
    public void PeakOpen_OverlappingConversations_MostOpenAtOnce() =>
        Assert.Equal(3, RoutingSimulation.PeakOpen([Interval(0, 60), Interval(10, 20), Interval(30, 90), Interval(50, 55), Interval(100, 110)], PeriodEnd));

    [Fact]
    public void PeakOpen_UnresolvedConversation_OpenUntilPeriodEnd()
    {
        SimulationCase[] cases = [Interval(0, null), Interval(360, 420)];

        Assert.Equal(2, RoutingSimulation.PeakOpen(cases, T0.AddHours(9)));
        Assert.Equal(1, RoutingSimulation.PeakOpen(cases, T0.AddHours(6)));
    }

    [Fact]
    public void PeakOpen_NoConversations_Zero() =>
        Assert.Equal(0, RoutingSimulation.PeakOpen([], PeriodEnd));
}
