namespace Workspace.Domain.Quality;

/// <summary>
/// What the automatic checks beside a scorecard look at. <paramref name="Reassignments"/> counts transfers and
/// escalations and returns to the queue after routing placed it; <paramref name="SignalShown"/> says whether the agent had the
/// customer's context signals in view while replying.
/// </summary>
public sealed record ReviewedConversationFacts(
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? FirstResponseDueAt,
    int? Csat,
    bool Assigned,
    int Reassignments,
    int AgentMessages,
    bool UsedTemplate,
    bool SignalShown);
