using Workspace.Domain.Quality;

namespace Workspace.Data.Quality;

/// <summary>
/// One stored version of a scorecard. Versions never change once stored, so a review keeps the criteria it was
/// scored against; <paramref name="Retired"/> belongs to the scorecard as a whole (no new reviews against it).
/// </summary>
public sealed record ScorecardVersion(Scorecard Scorecard, int Version, bool Retired, string PublishedBy, DateTimeOffset PublishedAt)
{
    public string Key => Scorecard.Key;
}
