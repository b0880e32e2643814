using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Workspace.Data.Conversations;
using Workspace.Data.Customers;
using Workspace.Domain.Conversations;
using Workspace.Domain.Validation;
using Workspace.Web.Features.Conversations;

namespace Workspace.Web.Features.Chat;

/// <summary>
/// The widget's connection. Thin: it works out which customer the connection speaks for, checks
/// rate and input, and hands everything else to <see cref="ConversationService"/>. A connection can
/// only ever reach the conversations of the one customer it started as.
/// </summary>
[AllowAnonymous]
public sealed class CustomerHub(
    ConversationService service,
    ConversationRepository conversations,
    CustomerRepository customers,
    CustomerIdentity identity,
    TimeProvider clock) : Hub<ICustomerClient>
{
    public const string Path = "/hubs/customer";
    public const int HistoryPage = 50;
    public const int CatchUpLimit = 500;
    private const string CustomerKey = "customer";
    private const string BucketKey = "bucket";

    public static string GroupOf(long conversationId) => $"conversation:{conversationId}";

    private async Task<ConversationRecord?> CurrentConversationAsync(long customerId)
    {
        var latest = await conversations.LatestForCustomerAsync(customerId, Context.ConnectionAborted);
        return latest is { Status: ConversationStatus.Resolved, ResolvedAt: { } resolvedAt } && resolvedAt < clock.GetUtcNow() - ConversationService.FollowUpWindow
            ? null
            : latest;
    }

    public async Task<ChatSession> Start(StartChat request)
    {
        Throttle();
        var now = clock.GetUtcNow();
        long customerId;
        bool identified;
        if (!string.IsNullOrEmpty(request.ExternalId))
        {
            if (!Check.IsExternalId(request.ExternalId) || !identity.Verify(request.ExternalId, request.Signature))
            {
                throw new HubException("The customer identity could not be verified: the signature does not match this workspace.");
            }
            var name = string.IsNullOrWhiteSpace(request.Name) ? request.ExternalId : request.Name.Trim()[..Math.Min(200, request.Name.Trim().Length)];
            customerId = await customers.EnsureAsync(request.ExternalId, name, anonymous: false, now, Context.ConnectionAborted);
            identified = true;
        }
        else if (identity.ReadToken(request.Token) is { } fromToken && await customers.IsAnonymousAsync(fromToken, Context.ConnectionAborted))
        {
            customerId = fromToken;
            identified = false;
        }
        else
        {
            var visitor = "visitor-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
            customerId = await customers.EnsureAsync(visitor, $"Visitor {visitor[8..12].ToUpperInvariant()}", anonymous: true, now, Context.ConnectionAborted);
            identified = false;
        }
        Context.Items[CustomerKey] = customerId;
        var conversation = await CurrentConversationAsync(customerId);
        IReadOnlyList<ChatMessage> messages = [];
        if (conversation is not null)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(conversation.Id), Context.ConnectionAborted);
            messages = (await conversations.MessagesBeforeAsync(conversation.Id, long.MaxValue, HistoryPage, includeNotes: false, Context.ConnectionAborted))
                .Select(ChatMessage.From).ToList();
        }
        var customerName = conversation?.CustomerName ?? await customers.NameAsync(customerId, Context.ConnectionAborted) ?? "You";
        return new ChatSession(identified ? "" : identity.IssueVisitorToken(customerId, now), customerName, identified,
            conversation is null ? null : ChatConversation.From(conversation), messages);
    }

    public async Task<ChatMessage> Send(SendChatMessage message)
    {
        Throttle();
        var customerId = RequireCustomer();
        var errors = MessageInput.Validate(message.ClientMessageId, message.Body);
        if (!errors.IsEmpty)
        {
            throw new HubException(errors.Messages);
        }
        var (conversation, stored, _) = await service.SendFromWidgetAsync(customerId, message.ClientMessageId!, message.Body!, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(conversation.Id), Context.ConnectionAborted);
        return ChatMessage.From(stored);
    }

    /// <summary>Everything after the last sequence the widget saw, in order: what it missed while away.</summary>
    public async Task<IReadOnlyList<ChatMessage>> CatchUp(long conversationId, long afterSequence)
    {
        Throttle();
        var conversation = await OwnConversationAsync(conversationId);
        var missed = await conversations.MessagesAfterAsync(conversation.Id, Math.Max(0, afterSequence), CatchUpLimit, includeNotes: false, Context.ConnectionAborted);
        return missed.Select(ChatMessage.From).ToList();
    }

    public async Task Typing(bool isTyping)
    {
        var customerId = RequireCustomer();
        if (!TypingAllowed())
        {
            return;
        }
        if (await CurrentConversationAsync(customerId) is { Status: not ConversationStatus.Resolved } conversation)
        {
            service.CustomerTyping(conversation, isTyping);
        }
    }

    public async Task<ChatConversation> Rate(long conversationId, int csat)
    {
        Throttle();
        var conversation = await OwnConversationAsync(conversationId);
        if (await service.RateAsync(conversation.Id, csat, Context.ConnectionAborted) is { } error)
        {
            throw new HubException(error);
        }
        return ChatConversation.From((await conversations.GetAsync(conversation.Id, Context.ConnectionAborted))!);
    }

    private async Task<ConversationRecord> OwnConversationAsync(long conversationId)
    {
        var customerId = RequireCustomer();
        var conversation = await conversations.GetAsync(conversationId, Context.ConnectionAborted);
        // Someone else's conversation and a missing one look the same from here.
        return conversation is not null && conversation.CustomerId == customerId
            ? conversation
            : throw new HubException("That conversation does not exist.");
    }

    private long RequireCustomer() =>
        Context.Items.TryGetValue(CustomerKey, out var id) && id is long customerId
            ? customerId
            : throw new HubException("Start the chat first.");

    private void Throttle()
    {
        if (!Allowed(BucketKey, capacity: 20, refillPerSecond: 5))
        {
            throw new HubException("Too many requests from this chat: wait a moment and try again.");
        }
    }

    // Typing signals have a budget of their own, so typing never uses up the allowance for sending.
    private bool TypingAllowed() => Allowed("typing", capacity: 5, refillPerSecond: 2);

    /// <summary>Takes a token from this connection's bucket of that name, creating it on first use.</summary>
    private bool Allowed(string key, int capacity, double refillPerSecond)
    {
        if (!Context.Items.TryGetValue(key, out var existing) || existing is not TokenBucket bucket)
        {
            bucket = new TokenBucket(capacity, refillPerSecond, clock.GetUtcNow());
            Context.Items[key] = bucket;
        }
        return bucket.TryTake(clock.GetUtcNow());
    }
}
