using System.Diagnostics;

namespace Workspace.LoadGen;

/// <summary>
/// One customer message the generator meant to store, from scheduling to its appearance on the agent
/// connection. Times are <see cref="Stopwatch"/> ticks of this process, so send and delivery share one clock.
/// </summary>
internal sealed class SentMessage(string clientMessageId, string body, int session, MessageKind kind, bool measured)
{
    private long _sentAt;
    private long _sentWallTicks;
    private long _ackedAt;
    private long _deliveredAt;
    private long _serverStampTicks;
    private int _deliveries;
    private long _ackSequence;
    private int _state = (int)MessageState.Pending;

    public string ClientMessageId { get; } = clientMessageId;
    public string Body { get; } = body;
    public int Session { get; } = session;
    public MessageKind Kind { get; } = kind;

    /// <summary>False once the message was queued while offline or re-sent after a drop: its latency says nothing about the live path.</summary>
    public bool Measured { get; private set; } = measured;

    public MessageState State => (MessageState)Volatile.Read(ref _state);
    public long SentAt => Interlocked.Read(ref _sentAt);
    public long AckedAt => Interlocked.Read(ref _ackedAt);
    public long DeliveredAt => Interlocked.Read(ref _deliveredAt);
    public int Deliveries => Volatile.Read(ref _deliveries);
    public long AckSequence => Interlocked.Read(ref _ackSequence);
    public string? Error { get; private set; }

    /// <summary>Send time on the wall clock, to compare with the server's own timestamp of the message.</summary>
    public DateTimeOffset SentWall => new(Interlocked.Read(ref _sentWallTicks), TimeSpan.Zero);

    /// <summary>The server's timestamp of the message as the agent connection received it.</summary>
    public DateTimeOffset ServerStamp => new(Interlocked.Read(ref _serverStampTicks), TimeSpan.Zero);

    public void Unmeasure() => Measured = false;

    /// <summary>Records the first attempt only: a retry keeps the original send time.</summary>
    public void MarkSent()
    {
        if (Interlocked.CompareExchange(ref _sentAt, Stopwatch.GetTimestamp(), 0) == 0)
        {
            Interlocked.Exchange(ref _sentWallTicks, DateTimeOffset.UtcNow.UtcTicks);
        }
    }

    public void MarkAcked(long sequence)
    {
        Interlocked.CompareExchange(ref _ackedAt, Stopwatch.GetTimestamp(), 0);
        Interlocked.Exchange(ref _ackSequence, sequence);
        Volatile.Write(ref _state, (int)MessageState.Acked);
    }

    public void MarkFailed(string error)
    {
        Error = error;
        Volatile.Write(ref _state, (int)MessageState.Failed);
    }

    /// <summary>Counts an appearance on the agent connection; the first one is the delivery.</summary>
    public void MarkDelivered(long at, DateTimeOffset serverStamp)
    {
        if (Interlocked.Increment(ref _deliveries) == 1)
        {
            Interlocked.Exchange(ref _deliveredAt, at);
            Interlocked.Exchange(ref _serverStampTicks, serverStamp.UtcTicks);
        }
    }
}

internal enum MessageKind
{
    /// <summary>The message that opens the conversation, sent before the agent side subscribes.</summary>
    Opening,

    /// <summary>A message of the timed run.</summary>
    Load,

    /// <summary>A message sent just before a deliberate drop, so that one is surely in flight when the connection goes.</summary>
    InFlightAtDrop,
}

internal enum MessageState
{
    Pending,
    Acked,
    Failed,
}
