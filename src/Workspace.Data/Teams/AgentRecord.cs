using Workspace.Domain.Staff;

namespace Workspace.Data.Teams;

/// <summary>An agent as assignment and transfer see them: teams, skills, capacity, presence and load.</summary>
public sealed record AgentRecord(
    long UserId,
    string Name,
    string Email,
    int Capacity,
    Presence Presence,
    DateTimeOffset PresenceChangedAt,
    DateTimeOffset? LastAssignedAt,
    int OpenConversations,
    IReadOnlyList<long> TeamIds,
    IReadOnlyList<string> Skills);
