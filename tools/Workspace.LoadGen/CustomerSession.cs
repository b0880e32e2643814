using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Workspace.LoadGen;

/// <summary>
/// One widget: an anonymous visitor with one conversation. Sends are fired without waiting for the
/// previous ack (open loop), so a slow server shows up as latency, not as a slower generator. A drop
/// behaves like the widget after a network loss: stop, start again with the token, re-send what was in
/// flight under the same client ids, then catch up from the last acknowledged sequence.
/// </summary>
internal sealed class CustomerSession(int index, Uri baseUrl, RunLedger ledger) : IAsyncDisposable
{
    private static readonly TimeSpan PendingWait = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private readonly List<SentMessage> _offline = [];
    private readonly HashSet<SentMessage> _inFlight = [];
    private HubConnection? _connection;
    private string? _token;
    private int _generation;
    private bool _online;
    private long _lastAcked;
    private int _pending;

    public int Index { get; } = index;

    public long ConversationId { get; private set; }

    public bool Dropped { get; private set; }

    public TimeSpan? ReconnectTime { get; private set; }

    /// <summary>Connects, starts as a new anonymous visitor and opens the conversation with a first message.</summary>
    public async Task OpenAsync(CancellationToken ct)
    {
        var connection = await ConnectAsync(ct);
        Wire.ChatMessage ack;
        try
        {
            var session = await connection.InvokeAsync<Wire.ChatSession>("Start", new Wire.StartChat(null, null, null, null), ct);
            _token = session.Token;
            var opening = ledger.Create(Index, MessageKind.Opening, measured: false);
            opening.MarkSent();
            ack = await connection.InvokeAsync<Wire.ChatMessage>("Send", new Wire.SendChatMessage(opening.ClientMessageId, opening.Body), ct);
            opening.MarkAcked(ack.Sequence);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        ConversationId = ack.ConversationId;
        lock (_gate)
        {
            _connection = connection;
            _lastAcked = ack.Sequence;
            _online = true;
        }
    }

    /// <summary>Sends now if online; while away the message waits, like a widget's "sending" state.</summary>
    public void Send(SentMessage message)
    {
        HubConnection connection;
        int generation;
        lock (_gate)
        {
            if (!_online)
            {
                message.Unmeasure();
                _offline.Add(message);
                return;
            }
            _inFlight.Add(message);
            connection = _connection!;
            generation = _generation;
        }
        _ = SendAsync(connection, generation, message);
    }

    private async Task SendAsync(HubConnection connection, int generation, SentMessage message)
    {
        ledger.BeginSend();
        Interlocked.Increment(ref _pending);
        try
        {
            message.MarkSent();
            var ack = await connection.InvokeAsync<Wire.ChatMessage>("Send", new Wire.SendChatMessage(message.ClientMessageId, message.Body));
            Acknowledge(message, ack);
        }
        catch (Exception e)
        {
            bool droppedMeanwhile;
            lock (_gate)
            {
                droppedMeanwhile = generation != _generation;
                if (!droppedMeanwhile)
                {
                    _inFlight.Remove(message);
                }
            }
            // A send cut off by our own drop stays in flight: the reconnect re-sends it under the same id.
            if (!droppedMeanwhile)
            {
                message.MarkFailed(RunLedger.Classify(e));
                ledger.Error(e);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
            ledger.EndSend();
        }
    }

    private void Acknowledge(SentMessage message, Wire.ChatMessage ack)
    {
        lock (_gate)
        {
            _inFlight.Remove(message);
            _lastAcked = Math.Max(_lastAcked, ack.Sequence);
        }
        if (ack.ConversationId != ConversationId)
        {
            ledger.Anomaly("ack names another conversation than the session's");
        }
        if (ack.ClientMessageId != message.ClientMessageId)
        {
            ledger.Anomaly("ack carries another client message id");
        }
        message.MarkAcked(ack.Sequence);
    }

    public async Task DropAndReconnectAsync(SentMessage inFlight, TimeSpan offline, CancellationToken ct)
    {
        Dropped = true;
        // Fire one send and cut the connection straight after, so something is surely in flight.
        Send(inFlight);
        HubConnection old;
        long lastAckedBefore;
        lock (_gate)
        {
            _online = false;
            _generation++;
            old = _connection!;
            lastAckedBefore = _lastAcked;
        }
        await old.StopAsync(CancellationToken.None);
        await old.DisposeAsync();
        var waited = Stopwatch.StartNew();
        while (Volatile.Read(ref _pending) > 0 && waited.Elapsed < PendingWait)
        {
            await Task.Delay(10, CancellationToken.None);
        }
        await Task.Delay(offline, ct);

        var reconnect = Stopwatch.StartNew();
        HubConnection connection;
        try
        {
            connection = await ConnectAsync(ct);
            var session = await connection.InvokeAsync<Wire.ChatSession>("Start", new Wire.StartChat(_token, null, null, null), ct);
            if (session.Conversation?.Id != ConversationId)
            {
                ledger.Anomaly("after reconnect Start returned another conversation");
            }
        }
        catch (Exception e)
        {
            ledger.Error("reconnect failed: " + RunLedger.Classify(e));
            FailAll("reconnect failed");
            return;
        }

        List<SentMessage> resend;
        lock (_gate)
        {
            _connection = connection;
            resend = [.. _inFlight];
        }
        foreach (var message in resend)
        {
            message.Unmeasure();
            try
            {
                var ack = await connection.InvokeAsync<Wire.ChatMessage>("Send", new Wire.SendChatMessage(message.ClientMessageId, message.Body), ct);
                Acknowledge(message, ack);
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _inFlight.Remove(message);
                }
                message.MarkFailed(RunLedger.Classify(e));
                ledger.Error(e);
            }
        }

        try
        {
            var missed = await connection.InvokeAsync<List<Wire.ChatMessage>>("CatchUp", ConversationId, lastAckedBefore, ct);
            CheckCatchUp(missed, lastAckedBefore, resend);
        }
        catch (Exception e)
        {
            ledger.Error("catch-up failed: " + RunLedger.Classify(e));
        }
        ReconnectTime = reconnect.Elapsed;

        List<SentMessage> queued;
        lock (_gate)
        {
            _online = true;
            queued = [.. _offline];
            _offline.Clear();
        }
        foreach (var message in queued)
        {
            Send(message);
        }
    }

    /// <summary>What a widget shows after catching up must be everything after its last sequence, once each, in order.</summary>
    private void CheckCatchUp(List<Wire.ChatMessage> missed, long after, List<SentMessage> resent)
    {
        var expected = after + 1;
        foreach (var message in missed)
        {
            if (message.Sequence != expected)
            {
                ledger.Anomaly("catch-up skipped or repeated a sequence");
            }
            expected = message.Sequence + 1;
        }
        if (missed.Select(m => m.ClientMessageId).Distinct(StringComparer.Ordinal).Count() != missed.Count)
        {
            ledger.Anomaly("catch-up returned a client message id twice");
        }
        var ids = missed.Select(m => m.ClientMessageId).ToHashSet(StringComparer.Ordinal);
        foreach (var message in resent.Where(m => m.State == MessageState.Acked && !ids.Contains(m.ClientMessageId)))
        {
            ledger.Anomaly("catch-up left out a message re-sent after the drop");
        }
    }

    private void FailAll(string reason)
    {
        List<SentMessage> abandoned;
        lock (_gate)
        {
            abandoned = [.. _inFlight, .. _offline];
            _inFlight.Clear();
            _offline.Clear();
        }
        foreach (var message in abandoned)
        {
            message.MarkFailed(reason);
        }
    }

    private async Task<HubConnection> ConnectAsync(CancellationToken ct)
    {
        var connection = HubConnections.Build(baseUrl, Wire.CustomerHubPath);
        // The widget's other pushes are not measured, but a handler keeps the client from logging them as unknown.
        connection.On<JsonElement>("MessageReceived", _ => { });
        connection.On<JsonElement>("ConversationUpdated", _ => { });
        connection.On<bool, string>("AgentTyping", (_, _) => { });
        connection.Closed += e =>
        {
            if (e is not null)
            {
                ledger.Error("customer connection closed by error: " + RunLedger.Classify(e));
            }
            return Task.CompletedTask;
        };
        await connection.StartAsync(ct);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        HubConnection? connection;
        lock (_gate)
        {
            connection = _connection;
            _connection = null;
            _online = false;
        }
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
