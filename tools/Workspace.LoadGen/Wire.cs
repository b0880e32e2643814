namespace Workspace.LoadGen;

/// <summary>
/// The shapes the generator exchanges with the app, declared on this side of the wire (the app's own
/// types live in Workspace.Web, which a client tool should not reference). Only the fields the
/// generator reads are declared; JSON ignores the rest.
/// </summary>
internal static class Wire
{
    public const string CustomerHubPath = "hubs/customer";
    public const string AgentHubPath = "hubs/agent";

    public sealed record StartChat(string? Token, string? ExternalId, string? Signature, string? Name);

    public sealed record ChatSession(string Token, ChatConversation? Conversation);

    public sealed record ChatConversation(long Id, long LastSequence);

    public sealed record SendChatMessage(string ClientMessageId, string Body);

    public sealed record ChatMessage(long ConversationId, long Sequence, string ClientMessageId, DateTimeOffset At);

    public sealed record AgentMessage(long ConversationId, long Sequence, string ClientMessageId, DateTimeOffset At);

    public sealed record StoredMessage(long Sequence, string ClientMessageId);

    public sealed record StoredMessages(long ConversationId, IReadOnlyList<StoredMessage> Messages, long LastSequence);
}
