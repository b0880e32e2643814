using Workspace.Domain.Quality;
using Workspace.Web.Features.Metrics;

namespace Workspace.Web.Tests.Features.Metrics;

/// <summary>The dashboard's view as the address keeps it: what a shared link opens, and which periods it covers.</summary>
public sealed class MetricsViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 14, 15, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_NothingInTheAddress_LastThirtyDaysByTeamPerDay()
    {
        var view = MetricsView.Parse(null, null, null, null, null);

        Assert.Equal(MetricsView.Default, view);
        Assert.Equal((new DateTimeOffset(2026, 4, 15, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero)), view.Range(Now, out _));
    }

    [Fact]
    public void ToQuery_ThenParse_SameView()
    {
        var view = new MetricsView(MetricsView.Custom, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), MetricGrouping.LifecycleStage, TimeBucket.Week);

        var query = view.ToQuery();

        Assert.Equal("custom", query["period"]);
        Assert.Equal("2026-03-01", query["from"]);
        Assert.Equal("2026-03-31", query["to"]);
        Assert.Equal("stage", query["group"]);
        Assert.Equal("week", query["bucket"]);
        Assert.Equal(view, MetricsView.Parse((string?)query["period"], (string?)query["from"], (string?)query["to"], (string?)query["group"], (string?)query["bucket"]));
    }

    [Fact]
    public void ToQuery_PresetPeriod_LeavesTheDaysOut()
    {
        var query = (MetricsView.Default with { Period = "7", CustomFrom = new DateOnly(2026, 1, 1) }).ToQuery();

        Assert.Null(query["from"]);
        Assert.Null(query["to"]);
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("90", 90)]
    public void Range_LastDays_EndsAtTheEndOfToday(string period, int days)
    {
        var (from, to) = (MetricsView.Default with { Period = period }).Range(Now, out var problem)!.Value;

        Assert.Null(problem);
        Assert.Equal(new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero), to);
        Assert.Equal(days, (to - from).TotalDays);
    }

    [Fact]
    public void Range_CustomDays_IncludesTheLastDay()
    {
        var view = MetricsView.Parse("custom", "2026-03-01", "2026-03-31", "agent", "day");

        Assert.Equal((new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)), view.Range(Now, out _));
        Assert.Equal(MetricGrouping.Agent, view.Grouping);
    }

    [Theory]
    [InlineData("2026-03-31", "2026-03-01", "The last day comes before the first day; choose them the other way round.")]
    [InlineData(null, "2026-03-01", "Choose the first and the last day of the period.")]
    [InlineData("not a day", "2026-03-01", "Choose the first and the last day of the period.")]
    [InlineData("2024-01-01", "2026-03-01", "Choose at most 366 days.")]
    public void Range_CustomDaysThatCannotBeShown_SaysWhy(string? from, string? to, string expected)
    {
        Assert.Null(MetricsView.Parse("custom", from, to, null, null).Range(Now, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Parse_UnknownValues_FallBackToTheDefaults() =>
        Assert.Equal(MetricsView.Default, MetricsView.Parse("365", null, null, "planet", "hour"));
}
