using System.Collections.Concurrent;
using System.Security.Claims;
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
        subscriptions.Add(Context.ConnectionId, conversationId, Context.User!);
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
/// this service owns them); pushes go out through the hub context. Every signal is checked against
/// the subscriber's access to the conversation as it stands in that signal: once a transfer takes the
/// conversation out of the subscriber's reach, nothing more is forwarded and the subscription ends.
/// </summary>
public sealed class AgentHubSubscriptions(IConversationNotifier notifier, IHubContext<AgentHub, IAgentClient> hub, ConversationService service, TimeProvider clock)
{
    /// <summary>How long a subscriber's roles and teams are trusted before they are read again.</summary>
    public static readonly TimeSpan ScopeLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, IDisposable>> _byConnection = new();

    public void Add(string connectionId, long conversationId, ClaimsPrincipal user)
    {
        var mine = _byConnection.GetOrAdd(connectionId, _ => new ConcurrentDictionary<long, IDisposable>());
        if (mine.ContainsKey(conversationId))
        {
            return;
        }
        var client = hub.Clients.Client(connectionId);
        var access = new SubscriberAccess(user, service, clock);
        var subscription = notifier.SubscribeConversation(conversationId, async signal =>
        {
            var conversation = signal switch
            {
                MessageStored stored => stored.Conversation,
                ConversationChanged changed => changed.Conversation,
                _ => null,
            };
            if (conversation is null)
            {
                return;
            }
            if (!await access.CanReadAsync(conversation))
            {
                Remove(connectionId, conversationId);
                return;
            }
            await (signal switch
            {
                MessageStored stored => client.MessageStored(AgentMessage.From(stored.Message)),
                ConversationChanged changed => client.ConversationChanged(changed.ConversationId, changed.Change),
                _ => Task.CompletedTask,
            });
        });
        if (!mine.TryAdd(conversationId, subscription))
        {
            subscription.Dispose();
        }
    }

    private void Remove(string connectionId, long conversationId)
    {
        if (_byConnection.TryGetValue(connectionId, out var mine) && mine.TryRemove(conversationId, out var subscription))
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

    private sealed class SubscriberAccess(ClaimsPrincipal user, ConversationService service, TimeProvider clock)
    {
        private StaffScope? _scope;
        private DateTimeOffset _readAt;

        public async Task<bool> CanReadAsync(ConversationRecord conversation)
        {
            if (_scope is null || clock.GetUtcNow() - _readAt > ScopeLifetime)
            {
                _scope = await service.ScopeAsync(user, CancellationToken.None);
                _readAt = clock.GetUtcNow();
            }
            return ConversationAccess.CanRead(_scope, conversation.TeamId, conversation.AssigneeId);
        }
    }
}
