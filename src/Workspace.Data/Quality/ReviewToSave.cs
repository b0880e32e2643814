using Workspace.Domain.Quality;

namespace Workspace.Data.Quality;

/// <summary>
/// A reviewer's review as it is stored: already validated against the scorecard version it names, with its total
/// (null when nothing was scorable) and the team a wrong-routing flag names, looked up by the caller.
/// </summary>
public sealed record ReviewToSave(
    long ConversationId,
    long ReviewerId,
    string ScorecardKey,
    int ScorecardVersion,
    ReviewInput Input,
    decimal? Score,
    long? WrongRoutingTeamId);
