using Workspace.Domain.Quality;

namespace Workspace.Data.Quality;

/// <summary>
/// A stored review with its reviewer's name, the agent reviewed (the assignee when it was saved), its answers and
/// total, and its flags: the team it should have gone to and the template versions that did not fit.
/// </summary>
public sealed record ReviewRecord(
    long Id,
    long ConversationId,
    long ReviewerId,
    string ReviewerName,
    long? AgentId,
    string ScorecardKey,
    int ScorecardVersion,
    IReadOnlyList<CriterionAnswer> Answers,
    string? Comment,
    decimal? Score,
    long? WrongRoutingTeamId,
    string? WrongRoutingTeamName,
    string? WrongRoutingNote,
    IReadOnlyList<TemplateMisfit> Misfits,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
