namespace Workspace.Domain.Quality;

/// <summary>Every dashboard metric for one set of conversations (a group, a time bucket or the whole period).</summary>
public sealed record MetricSummary(
    DurationMetric FirstResponseTime,
    DurationMetric ResolutionTime,
    MetricValue FirstContactResolution,
    MetricValue RepeatContactRate,
    CsatMetric Csat,
    MetricValue SlaAttainment,
    MetricValue ReassignmentRate,
    MetricValue TemplateUsageRate,
    MetricValue TemplateEditRate,
    MetricValue QaScore);
