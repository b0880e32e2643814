using System.Globalization;
using Workspace.Domain.Quality;

namespace Workspace.Web.Features.Metrics;

/// <summary>
/// What the dashboard shows, as it is kept in the address so a view can be shared: a period (the last 7, 30 or 90
/// days including today, or custom days), a grouping and a bucket. Days are UTC, as the chart buckets are.
/// </summary>
public sealed record MetricsView(string Period, DateOnly? CustomFrom, DateOnly? CustomTo, MetricGrouping Grouping, TimeBucket Bucket)
{
    public const string Custom = "custom";

    /// <summary>The longest custom period, so one view never asks the database for years of conversations.</summary>
    public const int MaxDays = 366;

    public static readonly IReadOnlyList<(string Value, string Label)> Periods =
        [("7", "Last 7 days"), ("30", "Last 30 days"), ("90", "Last 90 days"), (Custom, "Custom")];

    public static readonly IReadOnlyList<(MetricGrouping Value, string Label)> Groupings =
    [
        (MetricGrouping.Team, "Team"), (MetricGrouping.Agent, "Agent"), (MetricGrouping.Tier, "Tier"),
        (MetricGrouping.LifecycleStage, "Lifecycle stage"), (MetricGrouping.None, "No grouping"),
    ];

    public static readonly MetricsView Default = new("30", null, null, MetricGrouping.Team, TimeBucket.Day);

    /// <summary>Reads the query string's values; anything missing or unknown falls back to the default.</summary>
    public static MetricsView Parse(string? period, string? from, string? to, string? group, string? bucket) => new(
        Periods.Any(p => p.Value == period) ? period! : Default.Period,
        ParseDay(from),
        ParseDay(to),
        group?.ToLowerInvariant() switch
        {
            "none" => MetricGrouping.None,
            "agent" => MetricGrouping.Agent,
            "tier" => MetricGrouping.Tier,
            "stage" => MetricGrouping.LifecycleStage,
            _ => MetricGrouping.Team,
        },
        string.Equals(bucket, "week", StringComparison.OrdinalIgnoreCase) ? TimeBucket.Week : TimeBucket.Day);

    /// <summary>The query string values, named as <see cref="Parse"/> reads them; null leaves a value out of the address.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        ["period"] = Period,
        ["from"] = Period == Custom ? FormatDay(CustomFrom) : null,
        ["to"] = Period == Custom ? FormatDay(CustomTo) : null,
        ["group"] = Grouping switch
        {
            MetricGrouping.None => "none",
            MetricGrouping.Team => "team",
            MetricGrouping.Agent => "agent",
            MetricGrouping.Tier => "tier",
            MetricGrouping.LifecycleStage => "stage",
        },
        ["bucket"] = Bucket == TimeBucket.Week ? "week" : "day",
    };

    /// <summary>
    /// The period as [from, to) in UTC, or why it cannot be shown. "Last N days" ends at the end of today; a custom
    /// period runs from the start of its first day to the end of its last.
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To)? Range(DateTimeOffset now, out string? problem)
    {
        problem = null;
        if (Period != Custom)
        {
            var end = Midnight(DateOnly.FromDateTime(now.UtcDateTime).AddDays(1));
            return (end.AddDays(-int.Parse(Period, CultureInfo.InvariantCulture)), end);
        }
        if (CustomFrom is not { } from || CustomTo is not { } to)
        {
            problem = "Choose the first and the last day of the period.";
            return null;
        }
        if (to < from)
        {
            problem = "The last day comes before the first day; choose them the other way round.";
            return null;
        }
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            problem = $"Choose at most {MaxDays} days.";
            return null;
        }
        return (Midnight(from), Midnight(to.AddDays(1)));
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? FormatDay(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
