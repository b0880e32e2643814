using Workspace.Data.Quality;
using Workspace.Domain.Customers;
using Workspace.Domain.Quality;
using Workspace.Web.Features.Metrics;
using DomainMetrics = Workspace.Domain.Quality.Metrics;

namespace Workspace.Web.Tests.Features.Metrics;

/// <summary>What the dashboard writes for a report: headlines in minutes, hours and percentages, gaps, and the table.</summary>
public sealed class MetricsDashboardTests
{
    private static readonly DateTimeOffset From = new(2026, 3, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(3);

    private static MetricConversation Conversation(long id, string team, DateTimeOffset created, int firstResponseMinutes, int? csat,
        int agentMessages, int templates) =>
        new(id, team, 1, "Alex Morgan", Tier.Pro, LifecycleStage.Adoption, id, created, created.AddMinutes(firstResponseMinutes),
            created.AddHours(3), created.AddMinutes(15), csat, 0, agentMessages, templates, 0, null, false);

    private static MetricsDashboard Dashboard()
    {
        MetricConversation[] rows =
        [
            Conversation(1, "Billing", From.AddHours(1), 4, 5, 2, 1),
            Conversation(2, "Support", From.AddHours(2), 90, 3, 2, 0),
        ];
        var report = new MetricsReport(From, To, MetricGrouping.Team, TimeBucket.Day, DomainMetrics.Summarize(rows, To),
            DomainMetrics.ByGroup(rows, MetricGrouping.Team, To), DomainMetrics.Series(rows, TimeBucket.Day, From, To));
        return new MetricsDashboard(report);
    }

    [Fact]
    public void Cards_OnePerMetricWithItsDefinition()
    {
        var cards = Dashboard().Cards;

        Assert.Equal(
            ["First response time", "Resolution time", "First-contact resolution", "Repeat contact rate (7 days)", "CSAT", "SLA attainment (first response)",
             "Reassignment rate", "Template usage rate", "Template edit rate", "QA score"],
            cards.Select(c => c.Title));
        Assert.Equal(MetricDefinitions.SlaAttainment, cards[5].Definition);
        Assert.All(cards, c => Assert.False(string.IsNullOrWhiteSpace(c.Definition)));
    }

    [Fact]
    public void Headlines_DurationsInMinutesOrHoursAndSharesInPercent()
    {
        var cards = Dashboard().Cards;

        Assert.Equal("median 47 min · 90th percentile 1.5 h", cards[0].Headline);
        Assert.Equal("n = 2 conversations with a reply", cards[0].Count);
        Assert.Equal("median 3 h · 90th percentile 3 h", cards[1].Headline);
        Assert.Equal("50%", cards[5].Headline);
        Assert.Equal("4.00 / 5 · 50% rated 4 or 5", cards[4].Headline);
        Assert.Equal("25%", cards[7].Headline);
        Assert.Equal("n = 4 agent messages", cards[7].Count);
    }

    [Fact]
    public void Cards_NothingToMeasure_SayNoDataAndDashes()
    {
        var qa = Dashboard().Cards[9];

        Assert.False(qa.HasData);
        Assert.Equal("—", qa.Headline);
        Assert.Equal("n = 0 reviewed conversations", qa.Count);
    }

    [Fact]
    public void Lines_EveryDayOfThePeriodWithGapsWhereNothingHappened()
    {
        var dashboard = Dashboard();

        Assert.Equal(["Mar 30", "Mar 31", "Apr 1"], dashboard.Labels);
        Assert.Equal(["Median", "90th percentile"], dashboard.Cards[0].Lines.Select(l => l.Name));
        Assert.Equal(new double?[] { 47, null, null }, dashboard.Cards[0].Lines[0].Points);
        Assert.Equal(new double?[] { 50, null, null }, dashboard.Cards[5].Lines[0].Points);
    }

    [Fact]
    public void Rows_EachGroupWithEveryMetricsValueAndN()
    {
        var dashboard = Dashboard();

        Assert.Equal("Team", dashboard.GroupHeading);
        Assert.Equal(["Billing", "Support"], dashboard.Rows.Select(r => r.Group));
        Assert.Equal(dashboard.Columns.Count, dashboard.Rows[0].Cells.Count);
        Assert.Equal(new MetricsTableCell("median 4 min · 90th percentile 4 min", 1), dashboard.Rows[0].Cells[0]);
        Assert.Equal(new MetricsTableCell("0%", 1), dashboard.Rows[1].Cells[5]);
        Assert.Equal(new MetricsTableCell("—", 0), dashboard.Rows[1].Cells[9]);
    }
}
