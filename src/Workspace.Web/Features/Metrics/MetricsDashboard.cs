using System.Globalization;
using Workspace.Data.Quality;
using Workspace.Domain.Quality;

namespace Workspace.Web.Features.Metrics;

/// <summary>
/// Turns a <see cref="MetricsReport"/> into what the page draws: one card per metric (headline, n, definition and
/// lines over time) and a table of every group with each metric's value and n. Plain code, tested without rendering.
/// </summary>
public sealed class MetricsDashboard
{
    /// <summary>One metric: how to read its value, n and chart lines from a summary.</summary>
    private sealed record Metric(
        string Title,
        string Definition,
        string Counted,
        string Unit,
        Func<MetricSummary, string> Value,
        Func<MetricSummary, int> N,
        Func<MetricSummary, IReadOnlyList<(string Line, double? Point)>> Points);

    private static readonly Metric[] All =
    [
        new("First response time", MetricDefinitions.FirstResponseTime, "conversations with a reply", "minutes",
            m => Duration(m.FirstResponseTime, MetricFormats.Minutes), m => m.FirstResponseTime.N,
            m => [("Median", m.FirstResponseTime.Median), ("90th percentile", m.FirstResponseTime.P90)]),
        new("Resolution time", MetricDefinitions.ResolutionTime, "resolved conversations", "hours",
            m => Duration(m.ResolutionTime, MetricFormats.Hours), m => m.ResolutionTime.N,
            m => [("Median", m.ResolutionTime.Median), ("90th percentile", m.ResolutionTime.P90)]),
        Rate("First-contact resolution", MetricDefinitions.FirstContactResolution, m => m.FirstContactResolution, "resolved conversations"),
        Rate("Repeat contact rate (7 days)", MetricDefinitions.RepeatContactRate, m => m.RepeatContactRate, "conversations"),
        new("CSAT", MetricDefinitions.Csat, "rated conversations", "rating (1–5)",
            m => m.Csat.N == 0 ? MetricFormats.Nothing : $"{MetricFormats.Rating(m.Csat.Average)} · {MetricFormats.Percent(m.Csat.SatisfiedShare)} rated 4 or 5",
            m => m.Csat.N, m => [("Average rating", m.Csat.Average)]),
        Rate("SLA attainment (first response)", MetricDefinitions.SlaAttainment, m => m.SlaAttainment, "conversations counted"),
        Rate("Reassignment rate", MetricDefinitions.ReassignmentRate, m => m.ReassignmentRate, "conversations"),
        Rate("Template usage rate", MetricDefinitions.TemplateUsageRate, m => m.TemplateUsageRate, "agent messages"),
        Rate("Template edit rate", MetricDefinitions.TemplateEditRate, m => m.TemplateEditRate, "template messages"),
        new("QA score", MetricDefinitions.QaScore, "reviewed conversations", "score (0–100)",
            m => MetricFormats.Score(m.QaScore.Value), m => m.QaScore.N, m => [("Average score", m.QaScore.Value)]),
    ];

    private static Metric Rate(string title, string definition, Func<MetricSummary, MetricValue> value, string counted) =>
        new(title, definition, counted, "%",
            m => MetricFormats.Percent(value(m).Value), m => value(m).N, m => [(title, value(m).Value * 100)]);

    private static string Duration(DurationMetric d, Func<double?, string> format) =>
        d.N == 0 ? MetricFormats.Nothing : $"median {format(d.Median)} · 90th percentile {format(d.P90)}";

    public MetricsDashboard(MetricsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
        Labels = [.. report.Series.Select(b => b.Start.ToString(report.Bucket == TimeBucket.Week ? "'Week of' MMM d" : "MMM d", CultureInfo.InvariantCulture))];
        Cards = [.. All.Select(metric => new MetricCard(
            metric.Title,
            metric.Definition,
            metric.Value(report.Overall),
            MetricFormats.Count(metric.N(report.Overall), metric.Counted),
            metric.N(report.Overall) > 0,
            metric.Unit,
            [.. metric.Points(report.Overall).Select((line, i) => new MetricLine(line.Line,
                [.. report.Series.Select(b => metric.N(b.Metrics) == 0 ? null : metric.Points(b.Metrics)[i].Point)]))]))];
        Columns = [.. All.Select(m => m.Title)];
        Rows = [.. report.Groups.Select(g => new MetricsTableRow(g.Label,
            [.. All.Select(m => new MetricsTableCell(m.N(g.Metrics) == 0 ? MetricFormats.Nothing : m.Value(g.Metrics), m.N(g.Metrics)))]))];
    }

    public MetricsReport Report { get; }

    /// <summary>Whether any conversation was opened in the period.</summary>
    public bool IsEmpty => Report.Overall.ReassignmentRate.N == 0;

    /// <summary>The x-axis: one label per day or week of the period.</summary>
    public IReadOnlyList<string> Labels { get; }

    public IReadOnlyList<MetricCard> Cards { get; }

    /// <summary>The table's metric columns, in the cards' order.</summary>
    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<MetricsTableRow> Rows { get; }

    public string GroupHeading => Report.Grouping switch
    {
        MetricGrouping.None => "All conversations",
        MetricGrouping.Team => "Team",
        MetricGrouping.Agent => "Agent",
        MetricGrouping.Tier => "Tier",
        MetricGrouping.LifecycleStage => "Lifecycle stage",
    };
}

/// <summary>One group of the table: its name and each metric's value and n, in the columns' order.</summary>
public sealed record MetricsTableRow(string Group, IReadOnlyList<MetricsTableCell> Cells);

public sealed record MetricsTableCell(string Value, int N);
