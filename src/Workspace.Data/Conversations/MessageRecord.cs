using Workspace.Domain.Conversations;

namespace Workspace.Data.Conversations;

/// <summary>A stored message; <see cref="Sequence"/> orders it within its conversation and drives catch-up.</summary>
public sealed record MessageRecord(
    long Id,
    long ConversationId,
    long Sequence,
    AuthorKind AuthorKind,
    long? AuthorUserId,
    string? AuthorName,
    string Body,
    string ClientMessageId,
    string? TemplateKey,
    int? TemplateVersion,
    bool Edited,
    DateTimeOffset CreatedAt);
