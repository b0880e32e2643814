namespace Workspace.Data.Quality;

/// <summary>The stored review's id and whether it replaced the reviewer's earlier one, or why nothing was stored.</summary>
public sealed record ReviewSaveOutcome(long? ReviewId, bool Replaced, string? Refusal)
{
    public bool Saved => ReviewId is not null;
}
