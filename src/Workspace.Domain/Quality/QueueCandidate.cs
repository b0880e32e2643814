namespace Workspace.Domain.Quality;

/// <summary>A resolved conversation the review queue may pick, with the agent it is reviewed against.</summary>
public sealed record QueueCandidate(long ConversationId, long AgentId, DateTimeOffset ResolvedAt, bool Reviewed);
