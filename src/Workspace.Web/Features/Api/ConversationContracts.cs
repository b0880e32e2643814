using Workspace.Data.Conversations;
using Workspace.Domain.Conversations;
using Workspace.Domain.Routing;

namespace Workspace.Web.Features.Api;

/// <summary>Opening a conversation from another channel: who, where, and the customer's first message.</summary>
public sealed record OpenConversationInput
{
    public string? CustomerExternalId { get; init; }
    public string? Channel { get; init; }
    public string? Subject { get; init; }
    public MessageInputBody? Message { get; init; }
}

public sealed record MessageInputBody
{
    public string? ClientMessageId { get; init; }
    public string? Body { get; init; }
}

public sealed record QueueResponse(long? TeamId, string? Team, long? AssigneeId, string? Assignee);

public sealed record ConversationResponse(
    long Id,
    string CustomerExternalId,
    Channel Channel,
    string? Subject,
    ConversationStatus Status,
    Priority Priority,
    QueueResponse Queue,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    int? Csat,
    long LastSequence,
    RoutingResponse? Routing)
{
    /// <summary>The conversation with its routing trace (null for one opened before any ruleset was published).</summary>
    public static ConversationResponse From(ConversationRecord c, ConversationRouting? routing, ApiMasking masking) => new(
        c.Id, c.CustomerExternalId, c.Channel, c.Subject, c.Status, c.Priority,
        new QueueResponse(c.TeamId, c.TeamName, c.AssigneeId, c.AssigneeName),
        c.CreatedAt, c.UpdatedAt, c.FirstResponseAt, c.ResolvedAt, c.Csat, c.LastSequence,
        routing is null ? null : RoutingResponse.From(routing, masking));
}

public sealed record MessageResponse(long Sequence, AuthorKind Author, string? AuthorName, string Body, string ClientMessageId, DateTimeOffset CreatedAt)
{
    public static MessageResponse From(MessageRecord m) => new(m.Sequence, m.AuthorKind, m.AuthorName, m.Body, m.ClientMessageId, m.CreatedAt);
}

public sealed record OpenedConversationResponse(ConversationResponse Conversation, MessageResponse Message);

public sealed record MessagesResponse(long ConversationId, long After, IReadOnlyList<MessageResponse> Messages, long LastSequence);
