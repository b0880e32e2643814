using Workspace.Domain.Customers;
using Workspace.Domain.Quality;

namespace Workspace.Domain.Tests.Quality;

/// <summary>
/// Every metric over seven hand-built conversations in the two weeks from Monday 4 May 2026; the expected figures are
/// worked out beside each assertion.
/// </summary>
public class MetricsTests
{
    private static readonly DateTimeOffset T = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PeriodStart = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PeriodEnd = new(2026, 5, 18, 0, 0, 0, TimeSpan.Zero);

    private static MetricConversation Row(long id, long customer, DateTimeOffset created, string? team = "Billing", long? agent = 10,
        Tier tier = Tier.Pro, LifecycleStage? stage = LifecycleStage.Adoption, int? firstReplyMinutes = null, double? resolvedHours = null,
        int? dueMinutes = null, int? csat = null, int reassignments = 0, int agentMessages = 0, int templateMessages = 0, int edited = 0,
        decimal? qa = null, bool reopened = false) => new(
        id, team, agent, agent switch { 10 => "Ana Silva", 20 => "Ben Okafor", _ => null }, tier, stage, customer, created,
        firstReplyMinutes is { } r ? created.AddMinutes(r) : null,
        resolvedHours is { } h ? created.AddHours(h) : null,
        dueMinutes is { } d ? created.AddMinutes(d) : null,
        csat, reassignments, agentMessages, templateMessages, edited, qa, reopened);

    private static readonly MetricConversation[] Rows =
    [
        Row(1, customer: 100, T, firstReplyMinutes: 5, resolvedHours: 2, dueMinutes: 15, csat: 5, agentMessages: 4, templateMessages: 2, edited: 1, qa: 90),
        Row(2, customer: 101, T.AddDays(1), tier: Tier.Free, stage: LifecycleStage.Onboarding, firstReplyMinutes: 30, resolvedHours: 10, dueMinutes: 15,
            csat: 2, reassignments: 1, agentMessages: 2, qa: 60),
        // The same customer as conversation 1, three days later: conversation 1 becomes a repeat contact.
        Row(3, customer: 100, T.AddDays(3), team: "Technical", agent: 20, tier: Tier.Enterprise, stage: LifecycleStage.Maturity, firstReplyMinutes: 10,
            resolvedHours: 4, dueMinutes: 15, csat: 4, agentMessages: 3, templateMessages: 1),
        Row(4, customer: 102, T.AddDays(7), team: "Technical", agent: 20, stage: null, firstReplyMinutes: 60, dueMinutes: 30, agentMessages: 1,
            templateMessages: 1, edited: 1),
        // Never answered; its target passed long before the period ended.
        Row(5, customer: 103, T.AddDays(8), team: "Technical", agent: null, tier: Tier.Free, stage: LifecycleStage.Onboarding, dueMinutes: 15),
        Row(6, customer: 104, T.AddDays(9), firstReplyMinutes: 20, resolvedHours: 24, csat: 3, agentMessages: 5, templateMessages: 2, qa: 75, reopened: true),
        // Opened ten minutes before the period ended, due five minutes after it: not yet counted for the SLA.
        Row(7, customer: 105, PeriodEnd.AddMinutes(-10), agent: null, tier: Tier.Starter, stage: null, dueMinutes: 15),
    ];

    [Fact]
    public void FirstResponseTime_RepliedConversations_MedianAndNearestRankP90InMinutes()
    {
        // Replies after 5, 30, 10, 60, 20 min; sorted 5, 10, 20, 30, 60: median 20; p90 is rank ⌈0.9 × 5⌉ = 5: 60.
        var metric = Metrics.FirstResponseTime(Rows);

        Assert.Equal((20.0, 60.0, 5), (metric.Median, metric.P90, metric.N));
        Assert.Equal(MetricDefinitions.FirstResponseTime, metric.Definition);
    }

    [Fact]
    public void ResolutionTime_ResolvedConversations_MedianOfEvenCountAveragesTheMiddleTwo()
    {
        // Resolved after 2, 10, 4, 24 h; sorted 2, 4, 10, 24: median (4 + 10) / 2 = 7; p90 is rank ⌈3.6⌉ = 4: 24.
        var metric = Metrics.ResolutionTime(Rows);

        Assert.Equal((7.0, 24.0, 4), (metric.Median, metric.P90, metric.N));
    }

    [Fact]
    public void FirstContactResolution_ReopenedReassignedOrFollowedUp_NotCounted()
    {
        // Resolved: 1 (followed by 3 within 7 days), 2 (reassigned), 3 (clean), 6 (reopened): 1 of 4.
        var metric = Metrics.FirstContactResolution(Rows);

        Assert.Equal((0.25, 4), (metric.Value, metric.N));
    }

    [Fact]
    public void RepeatContactRate_CustomerBackWithinSevenDays_CountsTheEarlierConversation()
    {
        // Only conversation 1 has a later one from its customer (3, after 3 days): 1 of 7.
        var metric = Metrics.RepeatContactRate(Rows);

        Assert.Equal((1.0 / 7, 7), (metric.Value, metric.N));
    }

    [Fact]
    public void Csat_RatedConversations_AverageAndShareOfFoursAndFives()
    {
        // Ratings 5, 2, 4, 3: average 14 / 4 = 3.5; 4 or 5 in 2 of 4.
        var metric = Metrics.Csat(Rows);

        Assert.Equal((3.5, 0.5, 4), (metric.Average, metric.SatisfiedShare, metric.N));
    }

    [Fact]
    public void SlaAttainment_LateAndUnansweredPastDue_Missed()
    {
        // With a target: 1 met (5 ≤ 15), 2 missed (30 > 15), 3 met (10 ≤ 15), 4 missed (60 > 30), 5 unanswered and past due: missed.
        // 6 has no target and 7 is not due before the period ends; both left out. 2 of 5.
        var metric = Metrics.SlaAttainment(Rows, PeriodEnd);

        Assert.Equal((0.4, 5), (metric.Value, metric.N));
    }

    [Fact]
    public void SlaAttainment_RepliedExactlyAtTheTarget_Met() =>
        Assert.Equal(1.0, Metrics.SlaAttainment([Row(1, 1, T, firstReplyMinutes: 15, dueMinutes: 15)], PeriodEnd).Value);

    [Fact]
    public void SlaAttainment_UnansweredAndPeriodEndsBeforeTheTarget_LeftOut()
    {
        var unanswered = Row(1, 1, T, dueMinutes: 15);

        Assert.Equal((null, 0), Show(Metrics.SlaAttainment([unanswered], T.AddMinutes(15))));
        Assert.Equal((0.0, 1), Show(Metrics.SlaAttainment([unanswered], T.AddMinutes(16))));
    }

    [Fact]
    public void ReassignmentRate_OneReassigned_OneOfSeven() =>
        Assert.Equal((1.0 / 7, 7), Show(Metrics.ReassignmentRate(Rows)));

    [Fact]
    public void TemplateUsageRate_TemplateMessagesOverAgentMessages()
    {
        // Agent messages 4 + 2 + 3 + 1 + 0 + 5 + 0 = 15; from templates 2 + 0 + 1 + 1 + 0 + 2 + 0 = 6: 6 / 15 = 0.4.
        Assert.Equal((0.4, 15), Show(Metrics.TemplateUsageRate(Rows)));
    }

    [Fact]
    public void TemplateEditRate_EditedOverTemplateMessages()
    {
        // Edited 1 (conversation 1) + 1 (conversation 4) = 2 of 6 template messages.
        Assert.Equal((1.0 / 3, 6), Show(Metrics.TemplateEditRate(Rows)));
    }

    [Fact]
    public void QaScore_ReviewedConversations_Average()
    {
        // Reviewed: 90, 60, 75: 225 / 3 = 75.
        Assert.Equal((75.0, 3), Show(Metrics.QaScore(Rows)));
    }

    [Fact]
    public void RepeatContactRate_FollowUpOutsideTheRows_FoundInTheHistory()
    {
        var first = Row(1, 100, T);
        var followUp = Row(2, 100, T.AddDays(2));

        Assert.Equal(0.0, Metrics.RepeatContactRate([first]).Value);
        Assert.Equal(1.0, Metrics.RepeatContactRate([first], history: [followUp]).Value);
    }

    [Theory]
    [InlineData(7 * 24 * 60, 1.0)]
    [InlineData(7 * 24 * 60 + 1, 0.0)]
    public void RepeatContactRate_SevenDaysAfterOpening_IsTheEdge(int minutesLater, double expected)
    {
        MetricConversation[] rows = [Row(1, 100, T), Row(2, 100, T.AddMinutes(minutesLater))];

        // The second conversation is never followed up, so the rate is half of what the first contributes.
        Assert.Equal(expected / 2, Metrics.RepeatContactRate(rows).Value);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(1, 1.0)]
    public void FirstContactResolution_SevenDaysCountFromResolution(int minutesAfterTheWeek, double expected)
    {
        // Resolved after a day; the customer is back 8 days after opening: past 7 days of opening, within 7 days of resolving.
        var resolvedAfterADay = Row(1, 100, T, resolvedHours: 24);
        var back = Row(2, 100, T.AddDays(8).AddMinutes(minutesAfterTheWeek));

        Assert.Equal(0.0, Metrics.RepeatContactRate([resolvedAfterADay], history: [back]).Value);
        Assert.Equal(expected, Metrics.FirstContactResolution([resolvedAfterADay], history: [back]).Value);
    }

    [Fact]
    public void Summarize_NoConversations_EveryMetricEmptyNotNaN()
    {
        var summary = Metrics.Summarize([], PeriodEnd);

        Assert.Equal((null, null, 0), (summary.FirstResponseTime.Median, summary.FirstResponseTime.P90, summary.FirstResponseTime.N));
        Assert.Equal((null, null, 0), (summary.ResolutionTime.Median, summary.ResolutionTime.P90, summary.ResolutionTime.N));
        Assert.Equal((null, null, 0), (summary.Csat.Average, summary.Csat.SatisfiedShare, summary.Csat.N));
        MetricValue[] values = [summary.FirstContactResolution, summary.RepeatContactRate, summary.SlaAttainment, summary.ReassignmentRate,
            summary.TemplateUsageRate, summary.TemplateEditRate, summary.QaScore];
        Assert.All(values, v => Assert.Equal((null, 0), Show(v)));
    }

    [Fact]
    public void Summarize_EachMetric_CarriesItsDefinition()
    {
        var summary = Metrics.Summarize(Rows, PeriodEnd);

        Assert.Equal(
            [MetricDefinitions.FirstResponseTime, MetricDefinitions.ResolutionTime, MetricDefinitions.FirstContactResolution, MetricDefinitions.RepeatContactRate,
                MetricDefinitions.Csat, MetricDefinitions.SlaAttainment, MetricDefinitions.ReassignmentRate, MetricDefinitions.TemplateUsageRate,
                MetricDefinitions.TemplateEditRate, MetricDefinitions.QaScore],
            [summary.FirstResponseTime.Definition, summary.ResolutionTime.Definition, summary.FirstContactResolution.Definition, summary.RepeatContactRate.Definition,
                summary.Csat.Definition, summary.SlaAttainment.Definition, summary.ReassignmentRate.Definition, summary.TemplateUsageRate.Definition,
                summary.TemplateEditRate.Definition, summary.QaScore.Definition]);
        Assert.Equal(0.4, summary.SlaAttainment.Value);
    }

    [Fact]
    public void GroupBy_Team_ByNameWithTheirConversations()
    {
        var groups = Metrics.GroupBy(Rows, MetricGrouping.Team);

        Assert.Equal([("Billing", new long[] { 1, 2, 6, 7 }), ("Technical", [3, 4, 5])], groups.Select(g => (g.Label, g.Conversations.Select(c => c.Id).ToArray())));
    }

    [Fact]
    public void GroupBy_Agent_ByNameUnassignedLast()
    {
        var groups = Metrics.GroupBy(Rows, MetricGrouping.Agent);

        Assert.Equal([("10", "Ana Silva", 3), ("20", "Ben Okafor", 2), ("", "Unassigned", 2)], groups.Select(g => (g.Key, g.Label, g.Conversations.Count)));
    }

    [Fact]
    public void GroupBy_Tier_InTierOrder()
    {
        var groups = Metrics.GroupBy(Rows, MetricGrouping.Tier);

        Assert.Equal([("Free", 2), ("Starter", 1), ("Pro", 3), ("Enterprise", 1)], groups.Select(g => (g.Label, g.Conversations.Count)));
    }

    [Fact]
    public void GroupBy_LifecycleStage_InStageOrderUnknownLast()
    {
        var groups = Metrics.GroupBy(Rows, MetricGrouping.LifecycleStage);

        Assert.Equal([("Onboarding", 2), ("Adoption", 2), ("Maturity", 1), ("No stage", 2)], groups.Select(g => (g.Label, g.Conversations.Count)));
    }

    [Fact]
    public void GroupBy_None_OneGroupEvenWhenEmpty()
    {
        Assert.Equal(7, Assert.Single(Metrics.GroupBy(Rows, MetricGrouping.None)).Conversations.Count);
        Assert.Empty(Assert.Single(Metrics.GroupBy([], MetricGrouping.None)).Conversations);
        Assert.Empty(Metrics.GroupBy([], MetricGrouping.Team));
    }

    [Fact]
    public void ByGroup_Team_MetricsPerTeamWithFollowUpsAcrossTeams()
    {
        var byTeam = Metrics.ByGroup(Rows, MetricGrouping.Team, PeriodEnd);

        var billing = byTeam[0].Metrics;
        // Billing {1, 2, 6, 7}: replies after 5, 30, 20 min: median 20, p90 rank ⌈2.7⌉ = 3: 30.
        Assert.Equal((20.0, 30.0, 3), (billing.FirstResponseTime.Median, billing.FirstResponseTime.P90, billing.FirstResponseTime.N));
        // SLA: 1 met, 2 missed, 6 without target, 7 not yet due: 1 of 2.
        Assert.Equal((0.5, 2), Show(billing.SlaAttainment));
        // Conversation 1's follow-up (3) went to Technical, and still makes it a repeat contact: 1 of 4.
        Assert.Equal((0.25, 4), Show(billing.RepeatContactRate));
        // Ratings 5, 2, 3: average 10 / 3, one of three 4 or 5.
        Assert.Equal((10.0 / 3, 1.0 / 3, 3), (billing.Csat.Average, billing.Csat.SatisfiedShare, billing.Csat.N));
        Assert.Equal((75.0, 3), Show(billing.QaScore));

        var technical = byTeam[1].Metrics;
        // Technical {3, 4, 5}: replies after 10 and 60 min: median 35, p90 rank ⌈1.8⌉ = 2: 60; SLA 3 met, 4 and 5 missed: 1 of 3.
        Assert.Equal((35.0, 60.0), (technical.FirstResponseTime.Median, technical.FirstResponseTime.P90));
        Assert.Equal((1.0 / 3, 3), Show(technical.SlaAttainment));
        Assert.Equal((null, 0), Show(technical.QaScore));
    }

    [Fact]
    public void ByGroup_Agent_OnePerAgent()
    {
        var byAgent = Metrics.ByGroup(Rows, MetricGrouping.Agent, PeriodEnd);

        // Ana {1, 2, 6}: reassigned 2 only: 1 of 3. Ben {3, 4}: none. Unassigned {5, 7}: none.
        Assert.Equal([("Ana Silva", 1.0 / 3), ("Ben Okafor", 0.0), ("Unassigned", 0.0)], byAgent.Select(g => (g.Label, g.Metrics.ReassignmentRate.Value)));
    }

    [Fact]
    public void Series_Week_ConversationsByTheWeekTheyOpened()
    {
        var series = Metrics.Series(Rows, TimeBucket.Week, PeriodStart, PeriodEnd);

        Assert.Equal([new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 11)], series.Select(b => b.Start));
        var first = series[0].Metrics;
        // Week of 4 May {1, 2, 3}: replies after 5, 30, 10 min: median 10; conversation 1 repeated: 1 of 3.
        Assert.Equal((10.0, 3), (first.FirstResponseTime.Median, first.FirstResponseTime.N));
        Assert.Equal((1.0 / 3, 3), Show(first.RepeatContactRate));
        // Week of 11 May {4, 5, 6, 7}: SLA 4 and 5 missed, 6 without target, 7 not yet due: 0 of 2.
        Assert.Equal((0.0, 2), Show(series[1].Metrics.SlaAttainment));
        Assert.Equal(4, series[1].Metrics.ReassignmentRate.N);
    }

    [Fact]
    public void Series_Day_EveryDayListedEmptyOnesWithoutValues()
    {
        var series = Metrics.Series(Rows, TimeBucket.Day, PeriodStart, PeriodEnd);

        Assert.Equal(14, series.Count);
        Assert.Equal(new DateOnly(2026, 5, 17), series[^1].Start);
        Assert.Equal([1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1], series.Select(b => b.Metrics.RepeatContactRate.N));
        Assert.Equal((null, 0), Show(series[2].Metrics.ReassignmentRate));
    }

    [Fact]
    public void Series_PeriodEndingMidWeek_LeavesLaterConversationsOut()
    {
        // [4 May, 13 May): the second week is partial and holds 4 (11 May) and 5 (12 May), not 6 (13 May).
        var series = Metrics.Series(Rows, TimeBucket.Week, PeriodStart, new DateTimeOffset(2026, 5, 13, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([3, 2], series.Select(b => b.Metrics.ReassignmentRate.N));
    }

    [Fact]
    public void Series_NoConversations_BucketsWithoutValues()
    {
        var series = Metrics.Series([], TimeBucket.Week, PeriodStart, PeriodEnd);

        Assert.Equal(2, series.Count);
        Assert.All(series, b => Assert.Equal((null, 0), Show(b.Metrics.TemplateUsageRate)));
    }

    private static (double? Value, int N) Show(MetricValue metric) => (metric.Value, metric.N);
}
