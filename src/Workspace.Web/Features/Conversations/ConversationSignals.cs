using Workspace.Data.Conversations;

namespace Workspace.Web.Features.Conversations;

/// <summary>Something that happened to a conversation, as the notifier tells subscribers.</summary>
public abstract record ConversationSignal(long ConversationId);

/// <summary>
/// A message was stored (it already has its sequence number). <see cref="Conversation"/> is the
/// conversation as it stood right after, so subscribers can check access against its team and owner
/// at that moment without asking the database.
/// </summary>
public sealed record MessageStored(long ConversationId, MessageRecord Message, ConversationRecord Conversation) : ConversationSignal(ConversationId);

/// <summary>Status, assignment, team or priority changed, or a message moved it in the inbox.</summary>
public sealed record ConversationChanged(long ConversationId, ConversationRecord Conversation, string Change) : ConversationSignal(ConversationId);

/// <summary>Someone started or stopped typing.</summary>
public sealed record TypingChanged(long ConversationId, string Who, bool FromCustomer, bool IsTyping) : ConversationSignal(ConversationId);

/// <summary>A notification for one staff member (a mention, a transfer to them).</summary>
public sealed record StaffNotified(long UserId, long? ConversationId, string Text);

/// <summary>A customer's profile, events or transactions changed (through the API).</summary>
public sealed record CustomerDataChanged(long CustomerId, string What);
