namespace Workspace.Domain.Quality;

/// <summary>
/// A conversation waiting in the review queue, with the ISO week of its resolution (<paramref name="WeekStart"/> is
/// that week's Monday, UTC; <paramref name="Week"/> reads like 2026-W19).
/// </summary>
public sealed record QueuedReview(DateOnly WeekStart, string Week, long AgentId, long ConversationId, DateTimeOffset ResolvedAt);
