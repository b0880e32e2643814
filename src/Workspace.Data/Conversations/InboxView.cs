namespace Workspace.Data.Conversations;

/// <summary>The inbox lists: mine, my teams' work, what nobody owns yet, and everything (leads).</summary>
public enum InboxView
{
    Mine,
    Team,
    Unassigned,
    All,
}
