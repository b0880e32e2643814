using Workspace.Domain.Staff;

namespace Workspace.Domain.Conversations;

/// <summary>
/// Who may see and act on a conversation. Leads and admins reach every team's conversations; agents
/// reach their own and their teams'; QA reviewers read everything and change nothing.
/// </summary>
public static class ConversationAccess
{
    public static bool CanRead(StaffScope staff, long? teamId, long? assigneeId) =>
        staff.Roles.Contains(Role.Lead) || staff.Roles.Contains(Role.Admin) || staff.Roles.Contains(Role.QA)
        || (staff.Roles.Contains(Role.Agent) && (assigneeId == staff.UserId || (teamId is { } team && staff.TeamIds.Contains(team))));

    public static bool CanAct(StaffScope staff, long? teamId, long? assigneeId) =>
        staff.Roles.Contains(Role.Lead) || staff.Roles.Contains(Role.Admin)
        || (staff.Roles.Contains(Role.Agent) && (assigneeId == staff.UserId || (teamId is { } team && staff.TeamIds.Contains(team))));

    /// <summary>Leads and admins see every team's queues in the inbox.</summary>
    public static bool SeesAllTeams(StaffScope staff) => staff.Roles.Contains(Role.Lead) || staff.Roles.Contains(Role.Admin);

    /// <summary>Only people who answer customers take conversations.</summary>
    public static bool CanTake(StaffScope staff) => TakeConversations(staff.Roles);

    /// <summary>Whether these roles answer conversations (agents and leads), and so may be online to receive them.</summary>
    public static bool TakeConversations(IReadOnlyCollection<Role> roles) => roles.Contains(Role.Agent) || roles.Contains(Role.Lead);
}

/// <summary>The parts of a staff member that access decisions depend on.</summary>
public sealed record StaffScope(long UserId, IReadOnlySet<Role> Roles, IReadOnlySet<long> TeamIds);
