namespace Workspace.Domain.Routing;

/// <summary>A conversation's stored routing: decision, how intent and complexity were read, the snapshot, and the latest assignment attempt.</summary>
public sealed record ConversationRouting(
    long ConversationId,
    DateTimeOffset DecidedAt,
    string? Team,
    RoutingDecision Decision,
    IntentDetection Intent,
    ComplexityScore Complexity,
    RoutingSignals Snapshot,
    AssignmentAttempt? Assignment);
