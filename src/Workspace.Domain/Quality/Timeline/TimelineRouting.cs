using Workspace.Domain.Routing;

namespace Workspace.Domain.Quality.Timeline;

/// <summary>A conversation's stored routing decision with its whole trace and the latest assignment attempt.</summary>
public sealed record TimelineRouting(
    DateTimeOffset DecidedAt,
    string? Team,
    RoutingDecision Decision,
    IntentDetection Intent,
    ComplexityScore Complexity,
    RoutingSignals Snapshot,
    AssignmentAttempt? Assignment);
