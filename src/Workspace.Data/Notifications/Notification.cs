namespace Workspace.Data.Notifications;

public sealed record Notification(long Id, long UserId, long? ConversationId, string Kind, string Text, DateTimeOffset At, DateTimeOffset? ReadAt);
