namespace Workspace.Data.Quality;

/// <summary>The version a publish stored, or why nothing was stored.</summary>
public sealed record ScorecardPublishOutcome(int? Version, string? Refusal)
{
    public bool Published => Version is not null;
}
