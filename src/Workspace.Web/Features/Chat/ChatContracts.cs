using Workspace.Data.Conversations;
using Workspace.Domain.Conversations;

namespace Workspace.Web.Features.Chat;

/// <summary>What the widget receives from the server.</summary>
public interface ICustomerClient
{
    Task MessageReceived(ChatMessage message);

    Task ConversationUpdated(ChatConversation conversation);

    Task AgentTyping(bool isTyping, string agentName);
}

/// <summary>A message as the customer sees it: staff notes never reach this shape.</summary>
public sealed record ChatMessage(long ConversationId, long Sequence, string Author, string? AuthorName, string Body, string ClientMessageId, DateTimeOffset At)
{
    public static ChatMessage From(MessageRecord m) => new(
        m.ConversationId, m.Sequence,
        m.AuthorKind switch
        {
            AuthorKind.Customer => "customer",
            AuthorKind.Agent => "agent",
            AuthorKind.System => "system",
            AuthorKind.Note => throw new InvalidOperationException("Internal notes are never sent to customers."),
        },
        m.AuthorKind == AuthorKind.Agent ? m.AuthorName : null, m.Body, m.ClientMessageId, m.CreatedAt);
}

/// <summary>The conversation as the customer sees it: who is answering, and whether a rating is asked for.</summary>
public sealed record ChatConversation(long Id, string Status, string? AgentName, bool RatingRequested, int? Csat, long LastSequence)
{
    public static ChatConversation From(ConversationRecord c) => new(
        c.Id, c.Status.ToString(), c.AssigneeName, c.Status == ConversationStatus.Resolved && c.Csat is null, c.Csat, c.LastSequence);
}

/// <summary>How a widget starts: a token from an earlier visit, or a signed identity from the host page, or neither.</summary>
public sealed record StartChat(string? Token, string? ExternalId, string? Signature, string? Name);

/// <summary>
/// The widget's session: a visitor token to keep (empty for identified customers, who sign in again
/// each time), and the current conversation with its recent messages.
/// </summary>
public sealed record ChatSession(string Token, string CustomerName, bool Identified, ChatConversation? Conversation, IReadOnlyList<ChatMessage> Messages);

/// <summary>A send, acknowledged only once stored; a retry with the same client id returns the same message.</summary>
public sealed record SendChatMessage(string? ClientMessageId, string? Body);
