using Workspace.Data.Conversations;

namespace Workspace.Web.Features.Inbox;

/// <summary>
/// The messages an open conversation view holds, in sequence order, each exactly once however it
/// arrived (first load, "Load earlier", a live push, a catch-up after a gap).
/// </summary>
public sealed class ConversationState
{
    private readonly SortedList<long, MessageRecord> _messages = [];

    public ConversationRecord? Conversation { get; set; }

    public IEnumerable<MessageRecord> Messages => _messages.Values;

    public long LastSequence => _messages.Count == 0 ? 0 : _messages.Keys[^1];

    public long FirstSequence => _messages.Count == 0 ? long.MaxValue : _messages.Keys[0];

    /// <summary>True while older messages than the first shown exist.</summary>
    public bool HasEarlier => _messages.Count > 0 && FirstSequence > 1;

    public string? CustomerTyping { get; set; }

    /// <summary>Adds messages not already held; returns how many were new.</summary>
    public int Add(IEnumerable<MessageRecord> messages)
    {
        var added = 0;
        foreach (var m in messages)
        {
            if (_messages.TryAdd(m.Sequence, m))
            {
                added++;
            }
        }
        return added;
    }

    /// <summary>
    /// Whether a pushed message leaves a hole after what is held (something was missed), so the view
    /// must catch up from <see cref="LastSequence"/> rather than just append.
    /// </summary>
    public bool HasGapBefore(MessageRecord pushed) => _messages.Count > 0 && pushed.Sequence > LastSequence + 1;
}
