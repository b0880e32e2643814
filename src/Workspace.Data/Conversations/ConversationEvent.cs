namespace Workspace.Data.Conversations;

/// <summary>One entry of a conversation's timeline besides messages: assignment, transfer, status change, CSAT.</summary>
public sealed record ConversationEvent(long Id, long ConversationId, DateTimeOffset At, string Kind, long? ActorUserId, string? ActorName, string? Data);
