using Workspace.Domain.Customers;

namespace Workspace.Domain.Quality;

/// <summary>
/// One conversation as the metrics see it. <paramref name="Reassignments"/> counts transfers, escalations and returns to the
/// queue after routing placed it; <paramref name="TemplateMessages"/> and <paramref name="EditedTemplateMessages"/>
/// are among the <paramref name="AgentMessages"/>; <paramref name="QaScore"/> is the review total (0–100), null when
/// unreviewed or not scorable; <paramref name="Reopened"/> says whether it was ever reopened after being resolved.
/// </summary>
public sealed record MetricConversation(
    long Id,
    string? Team,
    long? AgentId,
    string? AgentName,
    Tier Tier,
    LifecycleStage? Stage,
    long CustomerId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? FirstResponseDueAt,
    int? Csat,
    int Reassignments,
    int AgentMessages,
    int TemplateMessages,
    int EditedTemplateMessages,
    decimal? QaScore,
    bool Reopened);
