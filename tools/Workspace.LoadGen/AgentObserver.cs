using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;

namespace Workspace.LoadGen;

/// <summary>
/// The agent side: staff connections to the agent hub, which forwards the same notifier that agent
/// sessions (Blazor circuits) subscribe to. The arrival time of MessageStored here is the delivery time.
/// </summary>
internal sealed class AgentObserver(Uri baseUrl, RunLedger ledger) : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];

    public async Task ConnectAsync(CookieContainer cookies, int count, CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            var connection = HubConnections.Build(baseUrl, Wire.AgentHubPath, cookies);
            connection.On<Wire.AgentMessage>("MessageStored", m => ledger.Observe(m, Stopwatch.GetTimestamp()));
            connection.On<long, string>("ConversationChanged", (_, _) => { });
            connection.Closed += e =>
            {
                ledger.Error("agent connection closed" + (e is null ? "" : ": " + RunLedger.Classify(e)));
                return Task.CompletedTask;
            };
            await connection.StartAsync(ct);
            _connections.Add(connection);
        }
    }

    /// <summary>Subscribes every conversation, spread round-robin over the agent connections.</summary>
    public async Task SubscribeAsync(IReadOnlyList<long> conversationIds, int parallelism, CancellationToken ct)
    {
        var refused = 0;
        await Parallel.ForEachAsync(conversationIds.Select((id, i) => (id, i)),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct },
            async (item, token) =>
            {
                try
                {
                    await _connections[item.i % _connections.Count].InvokeAsync<long>("Subscribe", item.id, token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.Increment(ref refused);
                    ledger.Error("agent subscribe failed: " + RunLedger.Classify(e));
                }
            });
        if (refused > 0)
        {
            throw new InvalidOperationException($"{refused} of {conversationIds.Count} agent subscriptions failed; deliveries could not be measured.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
        _connections.Clear();
    }
}
