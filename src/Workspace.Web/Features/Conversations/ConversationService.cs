using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Workspace.Data.Conversations;
using Workspace.Data.Customers;
using Workspace.Data.Notifications;
using Workspace.Data.Routing;
using Workspace.Data.Teams;
using Workspace.Data.Templates;
using Workspace.Domain.Conversations;
using Workspace.Domain.Routing;
using Workspace.Domain.Staff;
using Workspace.Web.Features.Auth;
using Workspace.Web.Features.Chat;
using Workspace.Web.Features.Routing;
using Workspace.Web.Features.Templates;

namespace Workspace.Web.Features.Conversations;

/// <summary>
/// Every change to a conversation goes through here, whoever makes it (widget, agent session, REST
/// API): check who may do it, store it, then tell agent sessions (notifier) and the customer (hub).
/// Store first, then broadcast: nothing is announced that is not stored.
/// </summary>
public sealed class ConversationService(
    ConversationRepository conversations,
    InboxQueries inbox,
    CustomerRepository customerRecords,
    TeamRepository teams,
    NotificationRepository notifications,
    RoutingService routing,
    TemplateRepository templates,
    TemplateService templateService,
    RoutingRepository routingRecords,
    IOptions<RoutingOptions> routingOptions,
    IConversationNotifier notifier,
    IHubContext<CustomerHub, ICustomerClient> customers,
    TimeProvider clock)
{
    public const int MaxReasonLength = 300;

    public async Task<StaffScope> ScopeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.UserId() ?? 0;
        var roles = Enum.GetValues<Role>().Where(r => user.IsInRole(r.ToString())).ToHashSet();
        var teamIds = id == 0 ? [] : (await inbox.TeamsOfAsync(id, ct)).ToHashSet();
        return new StaffScope(id, roles, teamIds);
    }

    /// <summary>The conversation if this staff member may read it; says which when not.</summary>
    public async Task<(ConversationRecord? Conversation, string? Refusal)> GetForStaffAsync(StaffScope staff, long id, CancellationToken ct)
    {
        var conversation = await conversations.GetAsync(id, ct);
        if (conversation is null)
        {
            return (null, $"Conversation {id} does not exist.");
        }
        return ConversationAccess.CanRead(staff, conversation.TeamId, conversation.AssigneeId)
            ? (conversation, null)
            : (null, "This conversation belongs to a team you are not in.");
    }

    /// <summary>
    /// Opens a conversation with the customer's first message, routed by the active ruleset and, when an
    /// agent is free, assigned in the same transaction. A retry with the same client id returns the first one.
    /// </summary>
    public async Task<(ConversationRecord Conversation, MessageRecord Message, bool Created)> OpenAsync(long customerId, Channel channel, string? subject, string clientMessageId, string body, CancellationToken ct)
    {
        var text = MessageInput.Normalize(body);
        var now = clock.GetUtcNow();
        var routed = await routing.RouteAsync(customerId, channel, text, now, ct);
        var (conversation, message, created) = await conversations.OpenAsync(Routed(customerId, channel, subject, clientMessageId, text, routed), now, ct);
        if (created)
        {
            await AnnounceAsync(conversation, message, "opened");
            await AutoReplyAsync(conversation, routed?.Decision.ReplyTemplate);
        }
        return (conversation, message, created);
    }

    /// <summary>A resolved conversation stays the widget's current one this long: to rate it, or to follow up.</summary>
    public static readonly TimeSpan FollowUpWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// A message from the widget: it continues the customer's current conversation, or opens a routed
    /// one, decided in one transaction. Routing reads the customer's signals, so it is computed only
    /// when the write finds no current conversation (then the write is made again with it).
    /// </summary>
    public async Task<(ConversationRecord Conversation, MessageRecord Message, bool Opened)> SendFromWidgetAsync(long customerId, string clientMessageId, string body, CancellationToken ct)
    {
        var text = MessageInput.Normalize(body);
        var subject = text.Length <= 80 ? text : text[..79] + "…";
        var now = clock.GetUtcNow();
        var write = await conversations.ContinueOrOpenAsync(Routed(customerId, Channel.Chat, subject, clientMessageId, text, null), false, FollowUpWindow, now, ct);
        RoutedConversation? routed = null;
        if (write.NeedsRouting)
        {
            routed = await routing.RouteAsync(customerId, Channel.Chat, text, now, ct);
            write = await conversations.ContinueOrOpenAsync(Routed(customerId, Channel.Chat, subject, clientMessageId, text, routed), true, FollowUpWindow, now, ct);
        }
        if (write.MessageCreated)
        {
            await AnnounceAsync(write.Conversation!, write.Message!, write.Opened ? "opened" : "message");
            if (write.Opened)
            {
                await AutoReplyAsync(write.Conversation!, routed?.Decision.ReplyTemplate);
            }
        }
        return (write.Conversation!, write.Message!, write.Opened);
    }

    /// <summary>
    /// The automation path: a rule asked for an immediate reply with a published template. It is rendered for
    /// the customer, sent as an automated (System) message recording the template version, and the
    /// conversation stays in its queue. When it cannot be rendered (not published, data missing, an error)
    /// nothing is sent and the conversation's timeline says why.
    /// </summary>
    public async Task<MessageRecord?> AutoReplyAsync(ConversationRecord conversation, string? templateKey)
    {
        if (templateKey is null)
        {
            return null;
        }
        try
        {
            return await SendAutoReplyAsync(conversation, templateKey);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The customer's message is stored and acknowledged whatever happens here; the timeline says what did not.
            await conversations.RecordEventAsync(conversation.Id, "automation-skipped",
                new { template = templateKey, reason = $"The automated reply failed: {e.Message}" }, clock.GetUtcNow(), CancellationToken.None);
            return null;
        }
    }

    private async Task<MessageRecord?> SendAutoReplyAsync(ConversationRecord conversation, string templateKey)
    {
        var ct = CancellationToken.None;
        var library = await templateService.LibraryAsync(ct);
        var version = library.Templates.FirstOrDefault(t => t.Definition.Key == templateKey);
        string? why = null;
        TemplateRender? render = null;
        if (version is null)
        {
            why = $"The template “{templateKey}” is not published.";
        }
        else
        {
            var (data, problem) = await templateService.DataAsync(conversation.CustomerExternalId, conversation.Id, null, _ => true, null, ct);
            render = data is null ? null : templateService.Render(version, library, data, ct);
            why = problem
                ?? (render!.Missing.Count > 0 ? $"The customer lacks data the template needs: {string.Join(", ", render.Missing)}." : null)
                ?? (render.Errors.Count > 0 ? $"The template failed: {string.Join(" ", render.Errors.Select(e => e.ToString()))}" : null)
                ?? (render.Text!.Length > MessageInput.MaxBodyLength ? $"The rendered reply is {render.Text.Length:N0} characters; a message holds {MessageInput.MaxBodyLength:N0}." : null);
        }
        if (why is not null)
        {
            await conversations.RecordEventAsync(conversation.Id, "automation-skipped", new { template = templateKey, reason = why }, clock.GetUtcNow(), ct);
            return null;
        }
        var (message, created) = await conversations.AppendAsync(conversation.Id,
            new NewMessage(AuthorKind.System, null, $"auto-reply-{conversation.Id}", MessageInput.Normalize(render!.Text!), templateKey, version!.Version),
            clock.GetUtcNow(), ct);
        if (created)
        {
            await AnnounceAsync((await conversations.GetAsync(conversation.Id, ct))!, message, "automated reply");
        }
        return message;
    }

    private static NewConversation Routed(long customerId, Channel channel, string? subject, string clientMessageId, string text, RoutedConversation? routed)
    {
        var priority = routed?.Decision.Priority ?? Priority.P3;
        var (firstResponse, resolution) = routed is null
            ? (SlaTargets.FirstResponseMinutes(priority), SlaTargets.ResolutionMinutes(priority))
            : SlaTargets.Of(routed.Decision);
        return new NewConversation(customerId, channel, subject, routed?.TeamId, priority, TimeSpan.FromMinutes(firstResponse), TimeSpan.FromMinutes(resolution),
            new NewMessage(AuthorKind.Customer, null, clientMessageId, text), routed);
    }

    /// <summary>A customer message into an existing conversation of theirs (REST API).</summary>
    public async Task<(MessageRecord Message, ConversationRecord Conversation, bool Created)> AppendFromCustomerAsync(ConversationRecord conversation, string clientMessageId, string body, CancellationToken ct)
    {
        var (message, created) = await conversations.AppendAsync(conversation.Id,
            new NewMessage(AuthorKind.Customer, null, clientMessageId, MessageInput.Normalize(body)), clock.GetUtcNow(), ct);
        // Stored: from here on the caller leaving (a dropped connection) must not stop the announcement.
        var current = (await conversations.GetAsync(conversation.Id, CancellationToken.None))!;
        if (created)
        {
            await AnnounceAsync(current, message, conversation.Status == current.Status ? "message" : "reopened by customer");
        }
        return (message, current, created);
    }

    /// <summary>
    /// An agent's reply or internal note. Notes reach staff only; mentions in them notify. A reply made
    /// from a template records the template version and whether the agent edited its text.
    /// </summary>
    public async Task<StaffActionResult<MessageRecord>> SendFromStaffAsync(StaffScope staff, long conversationId, string clientMessageId, string body, bool isNote,
        CancellationToken ct, SentTemplate? template = null)
    {
        var errors = MessageInput.Validate(clientMessageId, body);
        if (!errors.IsEmpty)
        {
            return StaffActionResult.Refused<MessageRecord>(errors.Messages);
        }
        var conversation = await conversations.GetAsync(conversationId, ct);
        if (conversation is null || !ConversationAccess.CanAct(staff, conversation.TeamId, conversation.AssigneeId))
        {
            return StaffActionResult.Refused<MessageRecord>(conversation is null ? "The conversation no longer exists." : "Your role does not allow writing in this conversation.");
        }
        if (!isNote && conversation.Status == ConversationStatus.Resolved)
        {
            return StaffActionResult.Refused<MessageRecord>("Reopen the conversation before replying.");
        }
        if (template is { } used && (isNote || await templates.VersionAsync(used.Key, used.Version, ct) is null))
        {
            return StaffActionResult.Refused<MessageRecord>(isNote ? "A note cannot be sent as a template reply." : $"There is no version {used.Version} of the template “{used.Key}”.");
        }
        var text = MessageInput.Normalize(body);
        var (message, created) = await conversations.AppendAsync(conversationId,
            new NewMessage(isNote ? AuthorKind.Note : AuthorKind.Agent, staff.UserId, clientMessageId, text, template?.Key, template?.Version, template?.Edited ?? false,
                template?.Rendered),
            clock.GetUtcNow(), ct);
        if (created)
        {
            var current = (await conversations.GetAsync(conversationId, CancellationToken.None))!;
            await AnnounceAsync(current, message, isNote ? "note" : "reply");
            if (isNote)
            {
                await NotifyMentionsAsync(current, message, CancellationToken.None);
            }
        }
        return StaffActionResult.Done(message);
    }

    private async Task NotifyMentionsAsync(ConversationRecord conversation, MessageRecord note, CancellationToken ct)
    {
        var agents = await teams.ListAgentsAsync(ct);
        var handles = agents.ToDictionary(a => Mentions.HandleOf(a.Email), a => a.UserId);
        var mentioned = Mentions.Resolve(note.Body, handles).UserIds.Where(id => id != note.AuthorUserId).ToList();
        if (mentioned.Count == 0)
        {
            return;
        }
        var text = $"{note.AuthorName} mentioned you in a note on “{conversation.Subject ?? conversation.CustomerName}”.";
        await notifications.AddAsync(mentioned, conversation.Id, "mention", text, clock.GetUtcNow(), ct);
        foreach (var userId in mentioned)
        {
            notifier.Publish(new StaffNotified(userId, conversation.Id, text));
        }
    }

    /// <summary>"Assign to me": exactly one of several agents claiming at once wins; the others are told who did.</summary>
    public async Task<StaffActionResult<ConversationRecord>> ClaimAsync(StaffScope staff, long conversationId, CancellationToken ct)
    {
        var conversation = await conversations.GetAsync(conversationId, ct);
        if (conversation is null || !ConversationAccess.CanAct(staff, conversation.TeamId, conversation.AssigneeId) || !ConversationAccess.CanTake(staff))
        {
            return StaffActionResult.Refused<ConversationRecord>(conversation is null ? "The conversation no longer exists." : "Your role does not allow taking this conversation.");
        }
        var outcome = await conversations.ClaimAsync(conversationId, staff.UserId, clock.GetUtcNow(), ct);
        if (outcome.Refusal is { } full)
        {
            return StaffActionResult.Refused<ConversationRecord>($"You are {full}; resolve or hand one over first.");
        }
        if (!outcome.Done)
        {
            var now = await conversations.GetAsync(conversationId, ct);
            return StaffActionResult.Refused<ConversationRecord>(now?.AssigneeName is { } owner
                ? $"{owner} took this conversation first."
                : "This conversation can no longer be taken.");
        }
        return StaffActionResult.Done(await ChangedAsync(conversationId, "assigned"));
    }

    public async Task<StaffActionResult<ConversationRecord>> TransferAsync(StaffScope staff, long conversationId, long teamId, long? agentId, string? reason, CancellationToken ct)
    {
        var (conversation, refusal) = await ActionableAsync(staff, conversationId, ct);
        if (conversation is null)
        {
            return StaffActionResult.Refused<ConversationRecord>(refusal!);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return StaffActionResult.Refused<ConversationRecord>("Say why you are transferring, for the next person.");
        }
        if (reason.Trim().Length > MaxReasonLength)
        {
            return StaffActionResult.Refused<ConversationRecord>($"Keep the reason under {MaxReasonLength} characters.");
        }
        var agents = await teams.ListAgentsAsync(ct);
        if (agentId is { } target && agents.FirstOrDefault(a => a.UserId == target) is not { } agent)
        {
            return StaffActionResult.Refused<ConversationRecord>("That agent does not exist or is disabled.");
        }
        if (agentId is { } member && !agents.First(a => a.UserId == member).TeamIds.Contains(teamId))
        {
            return StaffActionResult.Refused<ConversationRecord>("That agent is not in the chosen team.");
        }
        var outcome = await conversations.TransferAsync(conversationId, teamId, agentId, reason.Trim(), staff.UserId, clock.GetUtcNow(), ct);
        if (!outcome.Done)
        {
            var why = outcome.Refusal!;
            return StaffActionResult.Refused<ConversationRecord>(agentId is { } full && why.StartsWith("at capacity", StringComparison.Ordinal)
                ? $"{agents.First(a => a.UserId == full).Name} is {why}; transfer to the team's queue instead."
                : char.ToUpperInvariant(why[0]) + why[1..] + ".");
        }
        var current = await ChangedAsync(conversationId, "transferred");
        await DrainQueuesAsync(CancellationToken.None);
        if (agentId is { } to && to != staff.UserId)
        {
            var text = $"A conversation with {current.CustomerName} was transferred to you: {reason.Trim()}";
            await notifications.AddAsync([to], conversationId, "transfer", text, clock.GetUtcNow(), CancellationToken.None);
            notifier.Publish(new StaffNotified(to, conversationId, text));
        }
        return StaffActionResult.Done(current);
    }

    /// <summary>
    /// A first draft of the escalation summary from what the workspace knows; the agent completes it. ARR is left out
    /// unless <paramref name="showsArr"/>: the viewer's field policy shows it unmasked.
    /// </summary>
    public async Task<EscalationSummary> PrefillEscalationAsync(ConversationRecord conversation, bool showsArr, CancellationToken ct)
    {
        var (replies, previous, open) = await conversations.EscalationFactsAsync(conversation.Id, ct);
        var customer = await customerRecords.GetAsync(conversation.CustomerExternalId, ct);
        return EscalationSummary.Prefill(replies, previous, open, customer?.Profile.Tier.ToString() ?? "Unknown tier",
            customer?.Profile.LifecycleStage?.ToString(), showsArr ? customer?.Profile.Arr ?? 0 : null);
    }

    public async Task<StaffActionResult<ConversationRecord>> EscalateAsync(StaffScope staff, long conversationId, long teamId, EscalationSummary summary, CancellationToken ct)
    {
        var (conversation, refusal) = await ActionableAsync(staff, conversationId, ct);
        if (conversation is null)
        {
            return StaffActionResult.Refused<ConversationRecord>(refusal!);
        }
        if (!await conversations.EscalateAsync(conversationId, teamId, summary, staff.UserId, clock.GetUtcNow(), ct))
        {
            return StaffActionResult.Refused<ConversationRecord>("The conversation was resolved meanwhile; reopen it first.");
        }
        var escalated = await ChangedAsync(conversationId, "escalated");
        await DrainQueuesAsync(CancellationToken.None);
        return StaffActionResult.Done(escalated);
    }

    public Task<StaffActionResult<ConversationRecord>> SnoozeAsync(StaffScope staff, long conversationId, DateTimeOffset until, CancellationToken ct) =>
        ChangeStatusAsync(staff, conversationId, c => ConversationLifecycle.Snooze(c.Status, until, clock.GetUtcNow()), until, "snoozed", new { until }, ct);

    public Task<StaffActionResult<ConversationRecord>> ResolveAsync(StaffScope staff, long conversationId, CancellationToken ct) =>
        ChangeStatusAsync(staff, conversationId, c => ConversationLifecycle.Resolve(c.Status), null, "resolved", null, ct);

    // Opening a snoozed conversation early is a wake-up, not a reopening: only a resolved conversation counts
    // against first-contact resolution.
    public Task<StaffActionResult<ConversationRecord>> ReopenAsync(StaffScope staff, long conversationId, CancellationToken ct) =>
        ChangeStatusAsync(staff, conversationId, c => ConversationLifecycle.Reopen(c.Status), null,
            c => c.Status == ConversationStatus.Snoozed ? "woke" : "reopened", null, ct);

    private Task<StaffActionResult<ConversationRecord>> ChangeStatusAsync(StaffScope staff, long conversationId,
        Func<ConversationRecord, ConversationStatus> next, DateTimeOffset? snoozedUntil, string kind, object? data, CancellationToken ct) =>
        ChangeStatusAsync(staff, conversationId, next, snoozedUntil, _ => kind, data, ct);

    private async Task<StaffActionResult<ConversationRecord>> ChangeStatusAsync(StaffScope staff, long conversationId,
        Func<ConversationRecord, ConversationStatus> next, DateTimeOffset? snoozedUntil, Func<ConversationRecord, string> kindOf, object? data, CancellationToken ct)
    {
        var (conversation, refusal) = await ActionableAsync(staff, conversationId, ct);
        if (conversation is null)
        {
            return StaffActionResult.Refused<ConversationRecord>(refusal!);
        }
        ConversationStatus status;
        try
        {
            status = next(conversation);
        }
        catch (InvalidConversationTransitionException e)
        {
            return StaffActionResult.Refused<ConversationRecord>(e.Message);
        }
        var kind = kindOf(conversation);
        if (!await conversations.SetStatusAsync(conversationId, conversation.Status, status, snoozedUntil, kind, staff.UserId, data, clock.GetUtcNow(), ct))
        {
            return StaffActionResult.Refused<ConversationRecord>("Someone changed this conversation meanwhile; look again and retry.");
        }
        var changed = await ChangedAsync(conversationId, kind);
        // A resolved conversation frees its agent's seat for the queue (a snoozed one keeps it: it will wake to its owner).
        await DrainQueuesAsync(CancellationToken.None);
        return StaffActionResult.Done(changed);
    }

    /// <summary>The customer's 1–5 rating after resolution.</summary>
    public async Task<string?> RateAsync(long conversationId, int csat, CancellationToken ct)
    {
        if (csat is < 1 or > 5)
        {
            return "Choose a rating from 1 to 5.";
        }
        if (!await conversations.RateAsync(conversationId, csat, clock.GetUtcNow(), ct))
        {
            return "Only a resolved conversation can be rated.";
        }
        await ChangedAsync(conversationId, "rated");
        return null;
    }

    /// <summary>Sets the caller's own presence; false when unchanged, or when a role that takes no conversations (QA, admin) asks for anything but Offline.</summary>
    public async Task<bool> SetPresenceAsync(StaffScope staff, Presence presence, CancellationToken ct)
    {
        // An agent row can outlive the Agent role; going Online would then pull queued conversations to someone who may only read them.
        if (presence != Presence.Offline && !ConversationAccess.CanTake(staff))
        {
            return false;
        }
        var changed = await teams.SetPresenceAsync(staff.UserId, presence, clock.GetUtcNow(), ct);
        if (changed && presence == Presence.Online)
        {
            await DrainQueuesAsync(CancellationToken.None);
        }
        return changed;
    }

    /// <summary>Assigns queued conversations to agents with free seats, most urgent and longest waiting first, and tells everyone.</summary>
    public async Task DrainQueuesAsync(CancellationToken ct)
    {
        foreach (var (id, _) in await routingRecords.DrainQueuesAsync(clock.GetUtcNow(), ct))
        {
            await ChangedAsync(id, "assigned");
        }
    }

    /// <summary>
    /// The periodic sweep: wakes snoozed conversations whose time has come, hands offline agents'
    /// conversations back to the queue after the grace period, and drains the queues.
    /// </summary>
    public async Task SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var id in await conversations.WakeSnoozedAsync(now, ct))
        {
            await ChangedAsync(id, "woke");
        }
        foreach (var id in await routingRecords.ReassignFromOfflineAsync(routingOptions.Value.OfflineGrace, now, ct))
        {
            await ChangedAsync(id, "reassigned");
        }
        await DrainQueuesAsync(ct);
    }

    /// <summary>Typing is fire-and-forget: it is never stored, only passed on.</summary>
    public async Task StaffTypingAsync(StaffScope staff, ConversationRecord conversation, string name, bool isTyping)
    {
        if (!ConversationAccess.CanAct(staff, conversation.TeamId, conversation.AssigneeId))
        {
            return;
        }
        notifier.Publish(new TypingChanged(conversation.Id, name, FromCustomer: false, isTyping));
        await customers.Clients.Group(CustomerHub.GroupOf(conversation.Id)).AgentTyping(isTyping, name);
    }

    public void CustomerTyping(ConversationRecord conversation, bool isTyping) =>
        notifier.Publish(new TypingChanged(conversation.Id, conversation.CustomerName, FromCustomer: true, isTyping));

    private async Task<(ConversationRecord? Conversation, string? Refusal)> ActionableAsync(StaffScope staff, long conversationId, CancellationToken ct)
    {
        var conversation = await conversations.GetAsync(conversationId, ct);
        if (conversation is null)
        {
            return (null, "The conversation no longer exists.");
        }
        return ConversationAccess.CanAct(staff, conversation.TeamId, conversation.AssigneeId)
            ? (conversation, null)
            : (null, "Your role does not allow changing this conversation.");
    }

    /// <summary>Announces a committed change; runs to the end even when the caller has gone.</summary>
    private async Task<ConversationRecord> ChangedAsync(long conversationId, string change)
    {
        var current = (await conversations.GetAsync(conversationId, CancellationToken.None))!;
        notifier.Publish(new ConversationChanged(conversationId, current, change));
        await customers.Clients.Group(CustomerHub.GroupOf(conversationId)).ConversationUpdated(ChatConversation.From(current));
        return current;
    }

    private async Task AnnounceAsync(ConversationRecord conversation, MessageRecord message, string change)
    {
        notifier.Publish(new MessageStored(conversation.Id, message, conversation));
        notifier.Publish(new ConversationChanged(conversation.Id, conversation, change));
        if (message.AuthorKind != AuthorKind.Note)
        {
            var group = customers.Clients.Group(CustomerHub.GroupOf(conversation.Id));
            await group.MessageReceived(ChatMessage.From(message));
            await group.ConversationUpdated(ChatConversation.From(conversation));
        }
    }
}

/// <summary>The outcome of a staff action: done with a value, or refused with a reason to show.</summary>
public sealed record StaffActionResult<T>(T? Value, string? Refusal)
    where T : class
{
    public bool Succeeded => Refusal is null;
}

public static class StaffActionResult
{
    public static StaffActionResult<T> Done<T>(T value)
        where T : class => new(value, null);

    public static StaffActionResult<T> Refused<T>(string reason)
        where T : class => new(null, reason);
}
