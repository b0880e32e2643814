namespace Workspace.Domain.Conversations;

/// <summary>Where a conversation stands.</summary>
public enum ConversationStatus
{
    Open,
    Pending,
    Snoozed,
    Resolved,
}
