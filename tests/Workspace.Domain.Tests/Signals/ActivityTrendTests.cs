using Workspace.Domain.Signals;
using static Workspace.Domain.Tests.Signals.SignalFacts;

namespace Workspace.Domain.Tests.Signals;

public class ActivityTrendTests
{
    private static ActivityTrend Trend(int last7, int previous28, DateTimeOffset? lastSeen = null) =>
        ActivityTrend.From(new ActivityFact(last7, previous28, lastSeen ?? Now.AddDays(-1)));

    [Fact]
    public void From_Counts_BaselineIsPreviousFourWeeksOverFourAndRatioAgainstIt()
    {
        var trend = Trend(6, 20);

        Assert.Equal(6, trend.Last7Days);
        Assert.Equal(5.0, trend.BaselineWeekly);
        Assert.Equal(1.2, trend.Ratio!.Value, precision: 10);
    }

    [Theory]
    [InlineData(1, 16, "Sharp drop")]   // a quarter of a usual week of 4
    [InlineData(0, 400, "Sharp drop")]
    [InlineData(2, 16, "Declining")]    // exactly half is not sharp
    [InlineData(3, 16, "Declining")]
    [InlineData(16, 80, "Steady")]      // exactly 80%
    [InlineData(4, 16, "Steady")]
    [InlineData(5, 16, "Steady")]       // exactly 125%
    [InlineData(6, 16, "Rising")]
    public void Label_RatioToUsualWeek_NamesTheTrend(int last7, int previous28, string label) =>
        Assert.Equal(label, Trend(last7, previous28).Label);

    [Theory]
    [InlineData(1, 16, true)]
    [InlineData(0, 15, false)]   // a usual week of 3.75 is too little to judge
    [InlineData(1, 4, false)]
    [InlineData(2, 16, false)]
    [InlineData(7, 16, false)]
    public void SharpDrop_OnlyWithBaselineOfFourAWeek(int last7, int previous28, bool sharp) =>
        Assert.Equal(sharp, Trend(last7, previous28).SharpDrop);

    [Fact]
    public void Label_LittleBaselineAndBigDrop_DecliningNotSharpDrop()
    {
        var trend = Trend(0, 12);

        Assert.Equal("Declining", trend.Label);
        Assert.False(trend.SharpDrop);
    }

    [Fact]
    public void From_NoBaseline_NoRatioAndNewOrNoActivity()
    {
        var fresh = Trend(3, 0);
        var idle = ActivityTrend.From(new ActivityFact(0, 0, null));

        Assert.Null(fresh.Ratio);
        Assert.Equal("New activity", fresh.Label);
        Assert.False(fresh.SharpDrop);
        Assert.Null(idle.Ratio);
        Assert.Equal("No activity", idle.Label);
    }

    [Fact]
    public void Reason_WithBaseline_CountsShareAndLastSeen() =>
        Assert.Equal("1 events in the last 7 days vs a usual week of 4 (previous 28 days ÷ 4), 25% of usual; last seen 2026-04-30",
            Trend(1, 16, new DateTimeOffset(2026, 4, 30, 8, 0, 0, TimeSpan.Zero)).Reason);

    [Fact]
    public void Reason_FractionalBaseline_OneDecimal() =>
        Assert.StartsWith("3 events in the last 7 days vs a usual week of 2.5 (previous 28 days ÷ 4), 120% of usual", Trend(3, 10).Reason, StringComparison.Ordinal);

    [Fact]
    public void Reason_NeverSeen_SaysSo() =>
        Assert.Equal("0 events in the last 7 days vs a usual week of 0 (previous 28 days ÷ 4); never seen", ActivityTrend.From(new ActivityFact(0, 0, null)).Reason);
}
