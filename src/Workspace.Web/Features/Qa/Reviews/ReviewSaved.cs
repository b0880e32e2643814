using Workspace.Domain.Quality;

namespace Workspace.Web.Features.Qa.Reviews;

/// <summary>A stored review: its id, the total it was stored with, and whether it replaced the reviewer's earlier one.</summary>
public sealed record ReviewSaved(long ReviewId, ScoreResult Score, bool Replaced);
