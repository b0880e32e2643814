using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Workspace.Data.Conversations;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Auth;

namespace Workspace.Web.Features.Conversations;

/// <summary>What a staff client outside Blazor receives (a desktop app, the load generator's agent side).</summary>
public interface IAgentClient
{
    Task MessageStored(AgentMessage message);

    Task ConversationChanged(long conversationId, string change);
}

/// <summary>A stored message as staff see it, notes included.</summary>
public sealed record AgentMessage(long ConversationId, long Sequence, AuthorKind Author, string? AuthorName, string Body, string ClientMessageId, DateTimeOffset At)
{
    public static AgentMessage From(MessageRecord m) => new(m.ConversationId, m.Sequence, m.AuthorKind, m.AuthorName, m.Body, m.ClientMessageId, m.CreatedAt);
}

/// <summary>
/// Staff clients that are not Blazor sessions subscribe here to the same notifier agent sessions use,
/// so they observe exactly what an agent's screen would. Each subscription is checked against the
/// caller's role and teams, and ends with the connection.
/// </summary>
[Authorize(Policy = Policies.Inbox)]
public sealed class AgentHub(ConversationService service, ConversationRepository conversations, AgentHubSubscriptions subscriptions) : Hub<IAgentClient>
{
    public const string Path = "/hubs/agent";
    public const int CatchUpLimit = 500;

    /// <summary>Starts forwarding a conversation's messages and changes; returns its last sequence number.</summary>
    public async Task<long> Subscribe(long conversationId)
    {
        var staff = await service.ScopeAsync(Context.User!, Context.ConnectionAborted);
        var (conversation, refusal) = await service.GetForStaffAsync(staff, conversationId, Context.ConnectionAborted);
        if (conversation is null)
        {
            throw new HubException(refusal);
        }
        subscriptions.Add(Context.ConnectionId, conversationId);
        return conversation.LastSequence;
    }

    public async Task<IReadOnlyList<AgentMessage>> CatchUp(long conversationId, long afterSequence)
    {
        var staff = await service.ScopeAsync(Context.User!, Context.ConnectionAborted);
        var (conversation, refusal) = await service.GetForStaffAsync(staff, conversationId, Context.ConnectionAborted);
        if (conversation is null)
        {
            throw new HubException(refusal);
        }
        return (await conversations.MessagesAfterAsync(conversationId, Math.Max(0, afterSequence), CatchUpLimit, includeNotes: true, Context.ConnectionAborted))
            .Select(AgentMessage.From).ToList();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.RemoveAll(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>
/// The notifier subscriptions of agent hub connections, keyed by connection (hubs are transient, so
/// this service owns them); pushes go out through the hub context.
/// </summary>
public sealed class AgentHubSubscriptions(IConversationNotifier notifier, IHubContext<AgentHub, IAgentClient> hub)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, IDisposable>> _byConnection = new();

    public void Add(string connectionId, long conversationId)
    {
        var mine = _byConnection.GetOrAdd(connectionId, _ => new ConcurrentDictionary<long, IDisposable>());
        if (mine.ContainsKey(conversationId))
        {
            return;
        }
        var client = hub.Clients.Client(connectionId);
        var subscription = notifier.SubscribeConversation(conversationId, signal => signal switch
        {
            MessageStored stored => client.MessageStored(AgentMessage.From(stored.Message)),
            ConversationChanged changed => client.ConversationChanged(changed.ConversationId, changed.Change),
            _ => Task.CompletedTask,
        });
        if (!mine.TryAdd(conversationId, subscription))
        {
            subscription.Dispose();
        }
    }

    public void RemoveAll(string connectionId)
    {
        if (_byConnection.TryRemove(connectionId, out var mine))
        {
            foreach (var subscription in mine.Values)
            {
                subscription.Dispose();
            }
        }
    }
}
