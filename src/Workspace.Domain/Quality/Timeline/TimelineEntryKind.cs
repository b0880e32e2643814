namespace Workspace.Domain.Quality.Timeline;

/// <summary>
/// Every kind of entry a conversation's timeline can hold. Closed: an event kind the timeline does not
/// know yet becomes <see cref="Other"/>, shown with its raw kind and data rather than dropped.
/// </summary>
public enum TimelineEntryKind
{
    CustomerMessage,
    AgentReply,
    InternalNote,
    AutomatedReply,
    Opened,
    Routed,
    Assigned,
    Transferred,
    Escalated,
    ReturnedToQueue,
    Snoozed,
    Woke,
    Resolved,
    Reopened,
    Csat,
    AutomationSkipped,
    Other,
}
