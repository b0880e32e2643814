namespace Workspace.Domain.Conversations;

/// <summary>Where a conversation came in.</summary>
public enum Channel
{
    Chat,
    Email,
    Api,
    Proactive,
}
