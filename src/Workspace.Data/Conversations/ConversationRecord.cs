using Workspace.Domain.Conversations;

namespace Workspace.Data.Conversations;

/// <summary>A conversation with the names an inbox row or header needs.</summary>
public sealed record ConversationRecord(
    long Id,
    long CustomerId,
    string CustomerExternalId,
    string CustomerName,
    bool CustomerAnonymous,
    Channel Channel,
    string? Subject,
    ConversationStatus Status,
    Priority Priority,
    long? TeamId,
    string? TeamName,
    long? AssigneeId,
    string? AssigneeName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    int? Csat,
    long LastSequence,
    DateTimeOffset? WaitingSince,
    DateTimeOffset? SnoozedUntil,
    DateTimeOffset? LastMessageAt,
    string? LastMessagePreview,
    bool Escalated);
