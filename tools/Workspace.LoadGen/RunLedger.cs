using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Workspace.LoadGen;

/// <summary>Everything the run sent and saw, shared by the customer sessions, the agent observer and the report.</summary>
internal sealed class RunLedger(string runId)
{
    private readonly ConcurrentDictionary<string, SentMessage> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _anomalies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, long> _lastObservedSequence = new();
    private long _counter;
    private int _outstanding;
    private int _unknownObserved;
    private int _outOfOrder;

    public string RunId { get; } = runId;

    public int Outstanding => Volatile.Read(ref _outstanding);

    public int UnknownObserved => Volatile.Read(ref _unknownObserved);

    /// <summary>Agent-side arrivals whose sequence was not above the last one seen for that conversation (informational).</summary>
    public int OutOfOrder => Volatile.Read(ref _outOfOrder);

    public IReadOnlyList<SentMessage> Snapshot() => [.. _messages.Values];

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public IReadOnlyDictionary<string, int> Anomalies => _anomalies;

    public SentMessage Create(int session, MessageKind kind, bool measured)
    {
        var n = Interlocked.Increment(ref _counter);
        var clientId = $"lg-{RunId}-{session}-{n}";
        var message = new SentMessage(clientId, $"Load test message {n} from session {session}: is my order on its way?", session, kind, measured);
        _messages[clientId] = message;
        return message;
    }

    public void BeginSend() => Interlocked.Increment(ref _outstanding);

    public void EndSend() => Interlocked.Decrement(ref _outstanding);

    public void Observe(Wire.AgentMessage message, long at)
    {
        if (_messages.TryGetValue(message.ClientMessageId, out var sent))
        {
            sent.MarkDelivered(at, message.At);
        }
        else if (message.ClientMessageId.StartsWith($"lg-{RunId}-", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _unknownObserved);
        }
        // Each conversation is observed on exactly one agent connection, whose callbacks run one at a time.
        var last = _lastObservedSequence.GetValueOrDefault(message.ConversationId);
        if (message.Sequence <= last)
        {
            Interlocked.Increment(ref _outOfOrder);
        }
        else
        {
            _lastObservedSequence[message.ConversationId] = message.Sequence;
        }
    }

    public void Error(Exception e) => _errors.AddOrUpdate(Classify(e), 1, (_, n) => n + 1);

    public void Error(string kind) => _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);

    /// <summary>Something the app did that contradicts its guarantees but is not itself a lost or duplicated message.</summary>
    public void Anomaly(string kind) => _anomalies.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public static string Classify(Exception e) => e switch
    {
        HubException h when h.Message.Contains("Too many requests", StringComparison.Ordinal) => "refused by the per-connection rate limit",
        HubException h => "hub error: " + Shorten(h.Message),
        TaskCanceledException or OperationCanceledException => "cancelled or timed out",
        InvalidOperationException i when i.Message.Contains("connection", StringComparison.OrdinalIgnoreCase) => "connection not active",
        IOException => "connection closed",
        _ => e.GetType().Name + ": " + Shorten(e.Message),
    };

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
