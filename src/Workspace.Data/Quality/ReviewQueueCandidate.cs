using Workspace.Domain.Quality;

namespace Workspace.Data.Quality;

/// <summary>A conversation the review queue may pick, with its subject to show in the queue.</summary>
public sealed record ReviewQueueCandidate(QueueCandidate Candidate, string? Subject);
