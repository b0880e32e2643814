namespace Workspace.Web.Features.Metrics;

/// <summary>
/// One metric as the dashboard shows it: its value over the whole period, how many it was measured on, what it
/// means, and its lines over time (a null point is a day or week with nothing to measure).
/// </summary>
public sealed record MetricCard(
    string Title,
    string Definition,
    string Headline,
    string Count,
    bool HasData,
    string Unit,
    IReadOnlyList<MetricLine> Lines);

/// <summary>One line of a metric's chart, in the unit its card names.</summary>
public sealed record MetricLine(string Name, IReadOnlyList<double?> Points);
