using System.Globalization;

namespace Workspace.Domain.Signals;

/// <summary>
/// Activity in the last 7 days against the usual week of the 28 days before (their total ÷ 4).
/// A sharp drop is less than half the usual week, judged only when the usual week had at least 4 events.
/// </summary>
public sealed record ActivityTrend(int Last7Days, double BaselineWeekly, double? Ratio, DateTimeOffset? LastSeenAt)
{
    public const int MinimumBaseline = 4;

    public bool SharpDrop => Ratio is < CustomerSignals.SharpDropRatio && BaselineWeekly >= MinimumBaseline;

    public string Label => Ratio switch
    {
        null => Last7Days > 0 ? "New activity" : "No activity",
        < CustomerSignals.SharpDropRatio when BaselineWeekly >= MinimumBaseline => "Sharp drop",
        < 0.8 => "Declining",
        <= 1.25 => "Steady",
        _ => "Rising",
    };

    public string Reason =>
        string.Create(CultureInfo.InvariantCulture, $"{Last7Days} events in the last 7 days vs a usual week of {BaselineWeekly:0.#} (previous 28 days ÷ 4)")
        + (Ratio is { } r ? string.Create(CultureInfo.InvariantCulture, $", {r * 100:0}% of usual") : "")
        + (LastSeenAt is { } seen ? string.Create(CultureInfo.InvariantCulture, $"; last seen {seen:yyyy-MM-dd}") : "; never seen");

    public static ActivityTrend From(ActivityFact fact)
    {
        var baseline = fact.Previous28Days / 4.0;
        return new ActivityTrend(fact.Last7Days, baseline, baseline > 0 ? fact.Last7Days / baseline : null, fact.LastSeenAt);
    }
}
