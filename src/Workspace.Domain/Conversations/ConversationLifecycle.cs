namespace Workspace.Domain.Conversations;

/// <summary>
/// The legal moves of a conversation's status. Every illegal move throws
/// <see cref="InvalidConversationTransitionException"/> with the reason, so no caller can silently
/// leave a conversation in a state nobody asked for.
/// </summary>
public static class ConversationLifecycle
{
    public static ConversationStatus Snooze(ConversationStatus current, DateTimeOffset until, DateTimeOffset now)
    {
        if (until <= now)
        {
            throw new InvalidConversationTransitionException("Snooze until a time in the future.");
        }
        return current switch
        {
            ConversationStatus.Open or ConversationStatus.Pending or ConversationStatus.Snoozed => ConversationStatus.Snoozed,
            ConversationStatus.Resolved => throw new InvalidConversationTransitionException("A resolved conversation cannot be snoozed; reopen it first."),
        };
    }

    public static ConversationStatus Resolve(ConversationStatus current) => current switch
    {
        ConversationStatus.Open or ConversationStatus.Pending or ConversationStatus.Snoozed => ConversationStatus.Resolved,
        ConversationStatus.Resolved => throw new InvalidConversationTransitionException("The conversation is already resolved."),
    };

    public static ConversationStatus Reopen(ConversationStatus current) => current switch
    {
        ConversationStatus.Resolved or ConversationStatus.Snoozed => ConversationStatus.Open,
        ConversationStatus.Open or ConversationStatus.Pending => throw new InvalidConversationTransitionException("The conversation is already open."),
    };

    /// <summary>A customer writing wakes a snoozed or resolved conversation: they are waiting again.</summary>
    public static ConversationStatus OnCustomerMessage(ConversationStatus current) => current switch
    {
        ConversationStatus.Open => ConversationStatus.Open,
        ConversationStatus.Pending or ConversationStatus.Snoozed or ConversationStatus.Resolved => ConversationStatus.Open,
    };

    /// <summary>An agent's reply leaves the conversation waiting on the customer.</summary>
    public static ConversationStatus OnAgentReply(ConversationStatus current) => current switch
    {
        ConversationStatus.Open or ConversationStatus.Pending => ConversationStatus.Pending,
        ConversationStatus.Snoozed => ConversationStatus.Snoozed,
        ConversationStatus.Resolved => throw new InvalidConversationTransitionException("Reopen the conversation before replying."),
    };
}

/// <summary>A status change that the conversation's current status does not allow.</summary>
public sealed class InvalidConversationTransitionException(string message) : InvalidOperationException(message);
