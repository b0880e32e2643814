using System.Data.Common;
using Dapper;
using Workspace.Data.Database;
using Workspace.Data.Routing;
using Workspace.Domain.Conversations;

namespace Workspace.Data.Conversations;

/// <summary>
/// Conversations and their messages. A message is stored with the next per-conversation sequence
/// number in the same transaction that advances the conversation, and a client message id already
/// stored returns the original message: a retried send never stores twice.
/// </summary>
public sealed class ConversationRepository(Db db)
{
    public const int PreviewLength = 140;

    /// <summary>The columns of <see cref="ConversationRecord"/>, shared by every query that returns one.</summary>
    internal const string ConversationColumnsSql = """
        SELECT c.id, c.customer_id, cu.external_id AS customer_external_id, cu.name AS customer_name, cu.anonymous AS customer_anonymous,
               c.channel, c.subject, c.status, c.priority, c.team_id, t.name AS team_name, c.assignee_id, u.display_name AS assignee_name,
               c.created_at, c.updated_at, c.first_response_at, c.resolved_at, c.csat, c.last_sequence, c.waiting_since,
               c.snoozed_until, c.last_message_at, c.last_message_preview, c.escalated
        FROM conversations c
        JOIN customers cu ON cu.id = c.customer_id
        LEFT JOIN teams t ON t.id = c.team_id
        LEFT JOIN users u ON u.id = c.assignee_id
        """;
    private const string GetSql = ConversationColumnsSql + """

        WHERE c.id = @Id
        """;

    public Task<ConversationRecord?> GetAsync(long id, CancellationToken ct) =>
        db.ReadAsync(c => GetAsync(c, null, id, ct), ct);

    public static async Task<ConversationRecord?> GetAsync(DbConnection c, DbTransaction? t, long id, CancellationToken ct) =>
        (await c.QuerySingleOrDefaultAsync<ConversationRow>(new CommandDefinition(GetSql, new { Id = id }, t, cancellationToken: ct)))?.ToRecord();

    private const string LatestForCustomerSqlite = """
        SELECT id FROM conversations WHERE customer_id = @CustomerId ORDER BY created_at DESC, id DESC LIMIT 1
        """;
    private const string LatestForCustomerSqlServer = """
        SELECT TOP (1) id FROM conversations WHERE customer_id = @CustomerId ORDER BY created_at DESC, id DESC
        """;

    /// <summary>The customer's most recent conversation, the one their widget continues.</summary>
    public Task<ConversationRecord?> LatestForCustomerAsync(long customerId, CancellationToken ct) =>
        db.ReadAsync(async c =>
        {
            var id = await c.ExecuteScalarAsync<long?>(new CommandDefinition(
                db.Dialect.Pick(LatestForCustomerSqlite, LatestForCustomerSqlServer), new { CustomerId = customerId }, cancellationToken: ct));
            return id is { } found ? await GetAsync(c, null, found, ct) : null;
        }, ct);

    private const string InsertConversationSqlite = """
        INSERT INTO conversations (customer_id, channel, subject, status, priority, team_id, assignee_id, created_at, updated_at,
            last_sequence, waiting_since, sla_first_response_due_at, sla_resolution_due_at)
        VALUES (@CustomerId, @Channel, @Subject, 'Open', @Priority, @TeamId, NULL, @Now, @Now, 0, @Now, @FirstDue, @ResolutionDue)
        RETURNING id
        """;
    private const string InsertConversationSqlServer = """
        INSERT INTO conversations (customer_id, channel, subject, status, priority, team_id, assignee_id, created_at, updated_at,
            last_sequence, waiting_since, sla_first_response_due_at, sla_resolution_due_at)
        OUTPUT INSERTED.id
        VALUES (@CustomerId, @Channel, @Subject, 'Open', @Priority, @TeamId, NULL, @Now, @Now, 0, @Now, @FirstDue, @ResolutionDue)
        """;
    private const string FindOpenedByClientIdSqlite = """
        SELECT c.id FROM conversations c
        JOIN messages m ON m.conversation_id = c.id AND m.sequence = 1
        WHERE c.customer_id = @CustomerId AND m.client_message_id = @ClientMessageId
        """;
    // The key-range locks make two simultaneous opens with the same first client id take turns.
    private const string FindOpenedByClientIdSqlServer = """
        SELECT c.id FROM conversations c WITH (UPDLOCK, HOLDLOCK)
        JOIN messages m WITH (UPDLOCK, HOLDLOCK) ON m.conversation_id = c.id AND m.sequence = 1
        WHERE c.customer_id = @CustomerId AND m.client_message_id = @ClientMessageId
        """;

    /// <summary>
    /// Opens a conversation with its first customer message. Opening again with the same first
    /// client message id returns the conversation opened the first time.
    /// </summary>
    public Task<(ConversationRecord Conversation, MessageRecord Message, bool Created)> OpenAsync(NewConversation open, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var (conversation, message, created, _) = await OpenInAsync(c, t, open, now, ct);
            return (conversation, message, created);
        }, ct);

    private const string CurrentForCustomerSqlite = """
        SELECT id FROM conversations
        WHERE customer_id = @CustomerId AND (status <> 'Resolved' OR resolved_at >= @ResolvedAfter)
        ORDER BY created_at DESC, id DESC
        LIMIT 1
        """;
    private const string CurrentForCustomerSqlServer = """
        SELECT TOP (1) id FROM conversations WITH (UPDLOCK, HOLDLOCK)
        WHERE customer_id = @CustomerId AND (status <> 'Resolved' OR resolved_at >= @ResolvedAfter)
        ORDER BY created_at DESC, id DESC
        """;

    /// <summary>
    /// A customer writing from the widget: into their current conversation (open, or resolved less
    /// than <paramref name="followUpWindow"/> ago), or into a new one when there is none. One
    /// transaction decides, so two tabs writing at once never open two conversations.
    /// </summary>
    /// <remarks>
    /// Routing reads the customer's signals, which the write cannot wait for, so a caller first writes
    /// without it: when there is no current conversation nothing is written and the result asks for
    /// routing (<see cref="WidgetWrite.NeedsRouting"/>); the caller computes it and writes again with
    /// <paramref name="routed"/> true (its result may be none, when no ruleset is published yet).
    /// </remarks>
    public Task<WidgetWrite> ContinueOrOpenAsync(NewConversation open, bool routed, TimeSpan followUpWindow, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var currentId = await c.ExecuteScalarAsync<long?>(new CommandDefinition(db.Dialect.Pick(CurrentForCustomerSqlite, CurrentForCustomerSqlServer),
                new { open.CustomerId, ResolvedAfter = UnixTime.ToMs(now - followUpWindow) }, t, cancellationToken: ct));
            if (currentId is { } id)
            {
                var (message, created) = await AppendAsync(c, t, id, open.FirstMessage, now, ct);
                return new WidgetWrite((await GetAsync(c, t, id, ct))!, message, created, false);
            }
            if (!routed)
            {
                return new WidgetWrite(null, null, false, false);
            }
            var (conversation, first, opened, _) = await OpenInAsync(c, t, open, now, ct);
            return new WidgetWrite(conversation, first, opened, opened);
        }, ct);

    private const string LastAgentOrderedSql = """
        SELECT assignee_id FROM conversations WHERE customer_id = @CustomerId AND assignee_id IS NOT NULL ORDER BY created_at DESC, id DESC
        """;
    private const string LastAgentSqlite = LastAgentOrderedSql + Paging.SqliteFirstRows;
    private const string LastAgentSqlServer = LastAgentOrderedSql + Paging.SqlServerFirstRows;

    /// <summary>Who last owned one of the customer's conversations: the "prefer the last agent" action's choice.</summary>
    public Task<long?> LastAgentAsync(long customerId, CancellationToken ct) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<long?>(new CommandDefinition(db.Dialect.Pick(LastAgentSqlite, LastAgentSqlServer),
            new { CustomerId = customerId, Take = 1 }, cancellationToken: ct)), ct);

    private async Task<(ConversationRecord Conversation, MessageRecord Message, bool Created, bool Opened)> OpenInAsync(
        DbConnection c, DbTransaction t, NewConversation open, DateTimeOffset now, CancellationToken ct)
    {
        var existingId = await c.ExecuteScalarAsync<long?>(new CommandDefinition(db.Dialect.Pick(FindOpenedByClientIdSqlite, FindOpenedByClientIdSqlServer),
            new { open.CustomerId, open.FirstMessage.ClientMessageId }, t, cancellationToken: ct));
        if (existingId is { } id)
        {
            var existing = (await GetAsync(c, t, id, ct))!;
            var first = (await MessagesAfterAsync(c, t, id, 0, 1, includeNotes: false, ct))[0];
            return (existing, first, false, false);
        }
        if (open.Routing is not null)
        {
            // It will be assigned in this transaction: take the assignment lock before the new row exists.
            await Assigner.LockAsync(c, t, db.Dialect, ct);
        }
        var conversationId = await c.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Pick(InsertConversationSqlite, InsertConversationSqlServer), new
        {
            open.CustomerId,
            Channel = open.Channel.ToString(),
            open.Subject,
            Priority = (int)open.Priority,
            open.TeamId,
            Now = UnixTime.ToMs(now),
            FirstDue = UnixTime.ToMs(now + open.FirstResponseTarget),
            ResolutionDue = UnixTime.ToMs(now + open.ResolutionTarget),
        }, t, cancellationToken: ct));
        await AddEventAsync(c, t, conversationId, "opened", null, new { channel = open.Channel.ToString(), team = open.TeamId }, now, ct);
        var (message, _) = await AppendAsync(c, t, conversationId, open.FirstMessage, now, ct);
        if (open.Routing is { } routed)
        {
            await RoutingRepository.InsertDecisionAsync(c, t, conversationId, routed, now, ct);
            await AddEventAsync(c, t, conversationId, "routed", null, new
            {
                version = routed.Decision.RulesetVersion,
                rule = routed.Decision.MatchedRuleName,
                team = routed.Decision.Team,
                priority = routed.Decision.Priority.ToString(),
            }, now, ct);
            await Assigner.AssignQueuedAsync(c, t, db.Dialect, "routing", conversationId, now, ct);
        }
        return ((await GetAsync(c, t, conversationId, ct))!, message, true, true);
    }

    /// <summary>The columns of <see cref="MessageRecord"/>, shared by every query that returns one.</summary>
    private const string MessageColumnsSql = """
        SELECT m.id, m.conversation_id, m.sequence, m.author_kind, m.author_user_id, u.display_name AS author_name, m.body,
               m.client_message_id, m.template_key, m.template_version, m.edited, m.created_at
        FROM messages m LEFT JOIN users u ON u.id = m.author_user_id
        """;
    private const string FindMessageByClientIdSqlite = MessageColumnsSql + """

        WHERE m.conversation_id = @ConversationId AND m.client_message_id = @ClientMessageId
        """;
    private const string FindMessageByClientIdSqlServer = """
        SELECT m.id, m.conversation_id, m.sequence, m.author_kind, m.author_user_id, u.display_name AS author_name, m.body,
               m.client_message_id, m.template_key, m.template_version, m.edited, m.created_at
        FROM messages m WITH (UPDLOCK, HOLDLOCK) LEFT JOIN users u ON u.id = m.author_user_id
        WHERE m.conversation_id = @ConversationId AND m.client_message_id = @ClientMessageId
        """;
    private const string StateForAppendSql = """
        SELECT status, first_response_at FROM conversations WHERE id = @Id
        """;
    // Three forms of the same advance, so each message only rewrites the index entries it changes: most messages
    // (a customer writing to an open conversation, notes) leave the reply and resolution columns and the counters
    // alone, and SQLite updates every index holding a column an UPDATE assigns, changed or not (the metrics index
    // holds the counters).
    private const string AdvanceColumns = """
        last_sequence = last_sequence + 1, status = @Status, updated_at = @Now,
            waiting_since = @WaitingSince, snoozed_until = @SnoozedUntil, last_message_at = @LastMessageAt, last_message_preview = @Preview
        """;
    private const string ReplyColumns = """
        ,
            first_response_at = @FirstResponseAt, agent_messages = agent_messages + 1, template_messages = template_messages + @TemplateMessage,
            edited_template_messages = edited_template_messages + @EditedTemplateMessage
        """;
    private const string ReopenColumns = """
        ,
            resolved_at = NULL, reopens = reopens + 1
        """;
    private const string AdvanceSqliteTail = "\nWHERE id = @Id\nRETURNING last_sequence";
    private const string AdvanceSqlServerTail = "\nOUTPUT INSERTED.last_sequence\nWHERE id = @Id";
    private const string AdvanceSqlite = "UPDATE conversations SET " + AdvanceColumns + AdvanceSqliteTail;
    private const string AdvanceSqlServer = "UPDATE conversations SET " + AdvanceColumns + AdvanceSqlServerTail;
    private const string AdvanceReplySqlite = "UPDATE conversations SET " + AdvanceColumns + ReplyColumns + AdvanceSqliteTail;
    private const string AdvanceReplySqlServer = "UPDATE conversations SET " + AdvanceColumns + ReplyColumns + AdvanceSqlServerTail;
    private const string AdvanceReopenSqlite = "UPDATE conversations SET " + AdvanceColumns + ReopenColumns + AdvanceSqliteTail;
    private const string AdvanceReopenSqlServer = "UPDATE conversations SET " + AdvanceColumns + ReopenColumns + AdvanceSqlServerTail;

    private const string CurrentRowSql = """
        SELECT status, waiting_since, first_response_at, snoozed_until, last_message_at, last_message_preview
        FROM conversations WHERE id = @Id
        """;
    private const string InsertMessageSqlite = """
        INSERT INTO messages (conversation_id, sequence, author_kind, author_user_id, body, client_message_id, template_key,
            template_version, edited, template_rendered, created_at)
        VALUES (@ConversationId, @Sequence, @AuthorKind, @AuthorUserId, @Body, @ClientMessageId, @TemplateKey, @TemplateVersion,
            @Edited, @TemplateRendered, @Now)
        RETURNING id
        """;
    private const string InsertMessageSqlServer = """
        INSERT INTO messages (conversation_id, sequence, author_kind, author_user_id, body, client_message_id, template_key,
            template_version, edited, template_rendered, created_at)
        OUTPUT INSERTED.id
        VALUES (@ConversationId, @Sequence, @AuthorKind, @AuthorUserId, @Body, @ClientMessageId, @TemplateKey, @TemplateVersion,
            @Edited, @TemplateRendered, @Now)
        """;
    private const string AuthorNameSql = """
        SELECT display_name FROM users WHERE id = @Id
        """;

    /// <summary>
    /// Stores a message (or returns the one already stored under its client message id) and moves the
    /// conversation along: a customer message makes it open and waiting, an agent reply answers it.
    /// </summary>
    public Task<(MessageRecord Message, bool Created)> AppendAsync(long conversationId, NewMessage message, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync((c, t) => AppendAsync(c, t, conversationId, message, now, ct), ct);

    private async Task<(MessageRecord Message, bool Created)> AppendAsync(DbConnection c, DbTransaction t, long conversationId, NewMessage message, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await c.QuerySingleOrDefaultAsync<MessageRow>(new CommandDefinition(db.Dialect.Pick(FindMessageByClientIdSqlite, FindMessageByClientIdSqlServer),
            new { ConversationId = conversationId, message.ClientMessageId }, t, cancellationToken: ct));
        if (existing is not null)
        {
            return (existing.ToRecord(), false);
        }
        var row = await c.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(CurrentRowSql, new { Id = conversationId }, t, cancellationToken: ct))
            ?? throw new ConversationNotFoundException(conversationId);
        var status = Enum.Parse<ConversationStatus>(row.Status);
        var nowMs = UnixTime.ToMs(now);
        var waitingSince = row.WaitingSince;
        var firstResponseAt = row.FirstResponseAt;
        var snoozedUntil = row.SnoozedUntil;
        var lastMessageAt = row.LastMessageAt;
        var preview = row.LastMessagePreview;
        switch (message.AuthorKind)
        {
            case AuthorKind.Customer:
                status = ConversationLifecycle.OnCustomerMessage(status);
                waitingSince ??= nowMs;
                snoozedUntil = null;
                lastMessageAt = nowMs;
                preview = Preview(message.Body);
                break;
            case AuthorKind.Agent:
                status = ConversationLifecycle.OnAgentReply(status);
                waitingSince = null;
                firstResponseAt ??= nowMs;
                lastMessageAt = nowMs;
                preview = Preview(message.Body);
                break;
            case AuthorKind.Note:
            case AuthorKind.System:
                break;
        }
        var reopening = message.AuthorKind == AuthorKind.Customer && row.Status == nameof(ConversationStatus.Resolved);
        var advance = message.AuthorKind == AuthorKind.Agent ? db.Dialect.Pick(AdvanceReplySqlite, AdvanceReplySqlServer)
            : reopening ? db.Dialect.Pick(AdvanceReopenSqlite, AdvanceReopenSqlServer)
            : db.Dialect.Pick(AdvanceSqlite, AdvanceSqlServer);
        var sequence = await c.ExecuteScalarAsync<long>(new CommandDefinition(advance, new
        {
            Id = conversationId,
            Status = status.ToString(),
            Now = nowMs,
            WaitingSince = waitingSince,
            FirstResponseAt = firstResponseAt,
            SnoozedUntil = snoozedUntil,
            LastMessageAt = lastMessageAt,
            Preview = preview,
            TemplateMessage = message.TemplateKey is not null ? 1 : 0,
            EditedTemplateMessage = message.TemplateKey is not null && message.Edited ? 1 : 0,
        }, t, cancellationToken: ct));
        var id = await c.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Pick(InsertMessageSqlite, InsertMessageSqlServer), new
        {
            ConversationId = conversationId,
            Sequence = sequence,
            AuthorKind = message.AuthorKind.ToString(),
            message.AuthorUserId,
            message.Body,
            message.ClientMessageId,
            message.TemplateKey,
            message.TemplateVersion,
            message.Edited,
            message.TemplateRendered,
            Now = nowMs,
        }, t, cancellationToken: ct));
        await MessageSearch.IndexAsync(c, t, db.Dialect, id, message.Body, ct);
        if (reopening)
        {
            // The timeline and first-contact resolution both need to know the customer came back.
            await AddEventAsync(c, t, conversationId, "reopened", null, new { by = "customer", messageId = id }, now, ct);
        }
        var authorName = message.AuthorUserId is { } authorId
            ? await c.ExecuteScalarAsync<string?>(new CommandDefinition(AuthorNameSql, new { Id = authorId }, t, cancellationToken: ct))
            : null;
        return (new MessageRecord(id, conversationId, sequence, message.AuthorKind, message.AuthorUserId, authorName, message.Body,
            message.ClientMessageId, message.TemplateKey, message.TemplateVersion, message.Edited, now), true);
    }

    private static string Preview(string body)
    {
        var flat = string.Join(' ', body.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= PreviewLength ? flat : flat[..(PreviewLength - 1)] + "…";
    }

    private const string MessagesAfterOrderedSql = MessageColumnsSql + """

        WHERE m.conversation_id = @ConversationId AND m.sequence > @After AND (@IncludeNotes = 1 OR m.author_kind <> 'Note')
        ORDER BY m.sequence
        """;
    private const string MessagesAfterSqlite = MessagesAfterOrderedSql + Paging.SqliteFirstRows;
    private const string MessagesAfterSqlServer = MessagesAfterOrderedSql + Paging.SqlServerFirstRows;

    /// <summary>Messages after a sequence number, in order: what a reconnecting client missed.</summary>
    public Task<IReadOnlyList<MessageRecord>> MessagesAfterAsync(long conversationId, long after, int take, bool includeNotes, CancellationToken ct) =>
        db.ReadAsync(c => MessagesAfterAsync(c, null, conversationId, after, take, includeNotes, ct), ct);

    private async Task<IReadOnlyList<MessageRecord>> MessagesAfterAsync(DbConnection c, DbTransaction? t, long conversationId, long after, int take, bool includeNotes, CancellationToken ct)
    {
        var rows = await c.QueryAsync<MessageRow>(new CommandDefinition(db.Dialect.Pick(MessagesAfterSqlite, MessagesAfterSqlServer),
            new { ConversationId = conversationId, After = after, Take = take, IncludeNotes = includeNotes ? 1 : 0 }, t, cancellationToken: ct));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    private const string MessagesBeforeOrderedSql = MessageColumnsSql + """

        WHERE m.conversation_id = @ConversationId AND m.sequence < @Before AND (@IncludeNotes = 1 OR m.author_kind <> 'Note')
        ORDER BY m.sequence DESC
        """;
    private const string MessagesBeforeSqlite = MessagesBeforeOrderedSql + Paging.SqliteFirstRows;
    private const string MessagesBeforeSqlServer = MessagesBeforeOrderedSql + Paging.SqlServerFirstRows;

    /// <summary>The page of history just before a sequence number (use long.MaxValue for the latest), oldest first.</summary>
    public Task<IReadOnlyList<MessageRecord>> MessagesBeforeAsync(long conversationId, long before, int take, bool includeNotes, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<MessageRecord>>(async c =>
        {
            var rows = await c.QueryAsync<MessageRow>(new CommandDefinition(db.Dialect.Pick(MessagesBeforeSqlite, MessagesBeforeSqlServer),
                new { ConversationId = conversationId, Before = before, Take = take, IncludeNotes = includeNotes ? 1 : 0 }, cancellationToken: ct));
            return rows.Select(r => r.ToRecord()).Reverse().ToList();
        }, ct);

    private const string AssignIfUnassignedSql = """
        UPDATE conversations SET assignee_id = @AgentId, assigned_at = @Now, updated_at = @Now
        WHERE id = @Id AND assignee_id IS NULL AND status <> 'Resolved'
        """;
    private const string TouchAgentSql = """
        UPDATE agents SET last_assigned_at = @Now WHERE user_id = @AgentId
        """;
    // A write that changes nothing, to lock the agent's row on SQL Server: two claims for one agent take turns on the capacity check.
    private const string LockAgentSql = """
        UPDATE agents SET capacity = capacity WHERE user_id = @AgentId
        """;
    private const string LoadSql = """
        SELECT a.capacity, (SELECT COUNT(*) FROM conversations c WHERE c.assignee_id = a.user_id AND c.status <> 'Resolved') AS open_count
        FROM agents a WHERE a.user_id = @AgentId
        """;

    /// <summary>
    /// Takes an unassigned conversation for an agent with a free seat. The check and the update are one
    /// statement, so when two agents claim at once exactly one row changes and the other learns it lost.
    /// </summary>
    public Task<ClaimOutcome> ClaimAsync(long conversationId, long agentId, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var nowMs = UnixTime.ToMs(now);
            await Assigner.LockAsync(c, t, db.Dialect, ct);
            if (await AtCapacityAsync(c, t, agentId, ct) is { } full)
            {
                return full;
            }
            if (await c.ExecuteAsync(new CommandDefinition(AssignIfUnassignedSql, new { Id = conversationId, AgentId = agentId, Now = nowMs }, t, cancellationToken: ct)) == 0)
            {
                return new ClaimOutcome(false, null);
            }
            await c.ExecuteAsync(new CommandDefinition(TouchAgentSql, new { AgentId = agentId, Now = nowMs }, t, cancellationToken: ct));
            await AddEventAsync(c, t, conversationId, "assigned", agentId, new { agentId, how = "claimed" }, now, ct);
            return new ClaimOutcome(true, null);
        }, ct);

    /// <summary>Null when the agent has a free seat (or is not an agent with a capacity); otherwise the refusal.</summary>
    private static async Task<ClaimOutcome?> AtCapacityAsync(DbConnection c, DbTransaction t, long agentId, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(LockAgentSql, new { AgentId = agentId }, t, cancellationToken: ct));
        var load = await c.QuerySingleOrDefaultAsync<LoadRow>(new CommandDefinition(LoadSql, new { AgentId = agentId }, t, cancellationToken: ct));
        return load is not null && load.OpenCount >= load.Capacity
            ? new ClaimOutcome(false, $"at capacity ({load.OpenCount}/{load.Capacity} open conversations)")
            : null;
    }

    private sealed class LoadRow
    {
        public int Capacity { get; init; }
        public long OpenCount { get; init; }
    }

    private const string TransferSql = """
        UPDATE conversations SET team_id = @TeamId, assignee_id = @AgentId, assigned_at = @AssignedAt, updated_at = @Now
        WHERE id = @Id AND status <> 'Resolved'
        """;

    /// <summary>
    /// Moves a conversation to another team, and optionally straight to one of its agents if they have a
    /// free seat, with the reason recorded. Without an agent it waits in the team's queue.
    /// </summary>
    public Task<ClaimOutcome> TransferAsync(long conversationId, long teamId, long? agentId, string reason, long actorId, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var nowMs = UnixTime.ToMs(now);
            await Assigner.LockAsync(c, t, db.Dialect, ct);
            var before = await GetAsync(c, t, conversationId, ct);
            if (before is null || before.Status == ConversationStatus.Resolved)
            {
                return new ClaimOutcome(false, "the conversation was resolved meanwhile; reopen it first");
            }
            if (agentId is { } target && target != before.AssigneeId && await AtCapacityAsync(c, t, target, ct) is { } full)
            {
                return full;
            }
            await c.ExecuteAsync(new CommandDefinition(TransferSql,
                new { Id = conversationId, TeamId = teamId, AgentId = agentId, AssignedAt = agentId is null ? (long?)null : nowMs, Now = nowMs }, t, cancellationToken: ct));
            if (agentId is not null)
            {
                await c.ExecuteAsync(new CommandDefinition(TouchAgentSql, new { AgentId = agentId, Now = nowMs }, t, cancellationToken: ct));
            }
            await AddEventAsync(c, t, conversationId, "transferred", actorId,
                new { fromTeam = before.TeamName, fromAgent = before.AssigneeName, toTeamId = teamId, toAgentId = agentId, reason }, now, ct);
            return new ClaimOutcome(true, null);
        }, ct);

    private const string SetStatusSql = """
        UPDATE conversations SET status = @Status, snoozed_until = @SnoozedUntil, resolved_at = @ResolvedAt,
            waiting_since = @WaitingSince, updated_at = @Now,
            reopens = reopens + CASE WHEN status = 'Resolved' AND @Status <> 'Resolved' THEN 1 ELSE 0 END
        WHERE id = @Id AND status = @Expected
        """;

    /// <summary>
    /// Applies a status change computed by <see cref="ConversationLifecycle"/> from the status the
    /// caller saw; false when someone changed it meanwhile.
    /// </summary>
    public Task<bool> SetStatusAsync(long conversationId, ConversationStatus expected, ConversationStatus status, DateTimeOffset? snoozedUntil,
        string eventKind, long actorId, object? data, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var current = await c.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(CurrentRowSql, new { Id = conversationId }, t, cancellationToken: ct));
            if (current is null)
            {
                return false;
            }
            var nowMs = UnixTime.ToMs(now);
            var changed = await c.ExecuteAsync(new CommandDefinition(SetStatusSql, new
            {
                Id = conversationId,
                Expected = expected.ToString(),
                Status = status.ToString(),
                SnoozedUntil = UnixTime.ToMs(snoozedUntil),
                ResolvedAt = status == ConversationStatus.Resolved ? nowMs : (long?)null,
                WaitingSince = status == ConversationStatus.Resolved ? null : current.WaitingSince,
                Now = nowMs,
            }, t, cancellationToken: ct));
            if (changed == 0)
            {
                return false;
            }
            await AddEventAsync(c, t, conversationId, eventKind, actorId, data, now, ct);
            return true;
        }, ct);

    private const string DueSnoozedSql = """
        SELECT id FROM conversations WHERE status = 'Snoozed' AND snoozed_until <= @Now
        """;
    private const string WakeSql = """
        UPDATE conversations SET status = 'Open', snoozed_until = NULL, updated_at = @Now
        WHERE id = @Id AND status = 'Snoozed' AND snoozed_until <= @Now
        """;

    /// <summary>Returns snoozed conversations whose time has come to the open queue; returns their ids.</summary>
    public Task<IReadOnlyList<long>> WakeSnoozedAsync(DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync<IReadOnlyList<long>>(async (c, t) =>
        {
            var nowMs = UnixTime.ToMs(now);
            var due = (await c.QueryAsync<long>(new CommandDefinition(DueSnoozedSql, new { Now = nowMs }, t, cancellationToken: ct))).ToList();
            var woken = new List<long>(due.Count);
            foreach (var id in due)
            {
                if (await c.ExecuteAsync(new CommandDefinition(WakeSql, new { Id = id, Now = nowMs }, t, cancellationToken: ct)) == 1)
                {
                    await AddEventAsync(c, t, id, "woke", null, null, now, ct);
                    woken.Add(id);
                }
            }
            return woken;
        }, ct);

    private const string SetEscalatedSql = """
        UPDATE conversations SET escalated = 1, priority = CASE WHEN priority > 1 THEN priority - 1 ELSE 1 END,
            team_id = @TeamId, assignee_id = NULL, assigned_at = NULL, updated_at = @Now
        WHERE id = @Id AND status <> 'Resolved'
        """;

    /// <summary>Escalates to a team: one priority step up, back to that team's queue, with the summary on the timeline.</summary>
    public Task<bool> EscalateAsync(long conversationId, long teamId, EscalationSummary summary, long actorId, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(new CommandDefinition(SetEscalatedSql, new { Id = conversationId, TeamId = teamId, Now = UnixTime.ToMs(now) }, t, cancellationToken: ct)) == 0)
            {
                return false;
            }
            await AddEventAsync(c, t, conversationId, "escalated", actorId,
                new { teamId, summary.PreviousAttempts, summary.CustomerImpact, summary.BusinessContext }, now, ct);
            return true;
        }, ct);

    private const string SetCsatSql = """
        UPDATE conversations SET csat = @Csat, updated_at = @Now WHERE id = @Id AND status = 'Resolved'
        """;

    /// <summary>Stores the customer's 1–5 rating of a resolved conversation (a later rating replaces it).</summary>
    public Task<bool> RateAsync(long conversationId, int csat, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(new CommandDefinition(SetCsatSql, new { Id = conversationId, Csat = csat, Now = UnixTime.ToMs(now) }, t, cancellationToken: ct)) == 0)
            {
                return false;
            }
            await AddEventAsync(c, t, conversationId, "csat", null, new { csat }, now, ct);
            return true;
        }, ct);

    private const string EscalationFactsSql = """
        SELECT
            (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = @Id AND m.author_kind = 'Agent') AS agent_replies,
            (SELECT COUNT(*) FROM conversations p WHERE p.customer_id = c.customer_id AND p.created_at < c.created_at) AS previous_conversations,
            (SELECT COUNT(*) FROM conversations o WHERE o.customer_id = c.customer_id AND o.status <> 'Resolved') AS open_conversations
        FROM conversations c WHERE c.id = @Id
        """;

    /// <summary>What an escalation summary starts from: replies so far, earlier and open conversations.</summary>
    public Task<(int AgentReplies, int PreviousConversations, int OpenConversations)> EscalationFactsAsync(long conversationId, CancellationToken ct) =>
        db.ReadAsync(async c =>
        {
            var row = await c.QuerySingleAsync<FactsRow>(new CommandDefinition(EscalationFactsSql, new { Id = conversationId }, cancellationToken: ct));
            return ((int)row.AgentReplies, (int)row.PreviousConversations, (int)row.OpenConversations);
        }, ct);

    private sealed class FactsRow
    {
        public long AgentReplies { get; init; }
        public long PreviousConversations { get; init; }
        public long OpenConversations { get; init; }
    }

    private const string InsertEventSql = """
        INSERT INTO conversation_events (conversation_id, at, kind, actor_user_id, data) VALUES (@ConversationId, @At, @Kind, @ActorId, @Data)
        """;

    /// <summary>Records something that happened to a conversation on its own (e.g. an automation that did not run, and why).</summary>
    public Task RecordEventAsync(long conversationId, string kind, object? data, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync((c, t) => AddEventAsync(c, t, conversationId, kind, null, data, now, ct), ct);

    private const string CountReassignmentSql = """
        UPDATE conversations SET reassignments = reassignments + 1 WHERE id = @Id
        """;

    /// <summary>
    /// Records an event in the caller's transaction. Transfers, escalations and returns to the queue (every move
    /// after routing placed the conversation) also count on its reassignment counter, which the metrics, the
    /// automatic checks and the QA search read instead of the events.
    /// </summary>
    public static async Task AddEventAsync(DbConnection c, DbTransaction t, long conversationId, string kind, long? actorId, object? data, DateTimeOffset now, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(InsertEventSql, new
        {
            ConversationId = conversationId,
            At = UnixTime.ToMs(now),
            Kind = kind,
            ActorId = actorId,
            Data = data is null ? null : System.Text.Json.JsonSerializer.Serialize(data),
        }, t, cancellationToken: ct));
        if (kind is "transferred" or "escalated" or "returned-to-queue")
        {
            await c.ExecuteAsync(new CommandDefinition(CountReassignmentSql, new { Id = conversationId }, t, cancellationToken: ct));
        }
    }

    private const string EventsSql = """
        SELECT e.id, e.conversation_id, e.at, e.kind, e.actor_user_id, u.display_name AS actor_name, e.data
        FROM conversation_events e LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE e.conversation_id = @Id ORDER BY e.id
        """;

    public Task<IReadOnlyList<ConversationEvent>> EventsAsync(long conversationId, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<ConversationEvent>>(async c =>
            (await c.QueryAsync<EventRow>(new CommandDefinition(EventsSql, new { Id = conversationId }, cancellationToken: ct)))
                .Select(r => new ConversationEvent(r.Id, r.ConversationId, UnixTime.FromMs(r.At), r.Kind, r.ActorUserId, r.ActorName, r.Data)).ToList(), ct);

    private sealed class EventRow
    {
        public long Id { get; init; }
        public long ConversationId { get; init; }
        public long At { get; init; }
        public string Kind { get; init; } = "";
        public long? ActorUserId { get; init; }
        public string? ActorName { get; init; }
        public string? Data { get; init; }
    }

    private sealed class StateRow
    {
        public string Status { get; init; } = "";
        public long? WaitingSince { get; init; }
        public long? FirstResponseAt { get; init; }
        public long? SnoozedUntil { get; init; }
        public long? LastMessageAt { get; init; }
        public string? LastMessagePreview { get; init; }
    }

    internal sealed class MessageRow
    {
        public long Id { get; init; }
        public long ConversationId { get; init; }
        public long Sequence { get; init; }
        public string AuthorKind { get; init; } = "";
        public long? AuthorUserId { get; init; }
        public string? AuthorName { get; init; }
        public string Body { get; init; } = "";
        public string ClientMessageId { get; init; } = "";
        public string? TemplateKey { get; init; }
        public int? TemplateVersion { get; init; }
        public bool Edited { get; init; }
        public long CreatedAt { get; init; }

        public MessageRecord ToRecord() => new(Id, ConversationId, Sequence, Enum.Parse<AuthorKind>(AuthorKind), AuthorUserId, AuthorName, Body,
            ClientMessageId, TemplateKey, TemplateVersion, Edited, UnixTime.FromMs(CreatedAt));
    }

    internal sealed class ConversationRow
    {
        public long Id { get; init; }
        public long CustomerId { get; init; }
        public string CustomerExternalId { get; init; } = "";
        public string CustomerName { get; init; } = "";
        public bool CustomerAnonymous { get; init; }
        public string Channel { get; init; } = "";
        public string? Subject { get; init; }
        public string Status { get; init; } = "";
        public int Priority { get; init; }
        public long? TeamId { get; init; }
        public string? TeamName { get; init; }
        public long? AssigneeId { get; init; }
        public string? AssigneeName { get; init; }
        public long CreatedAt { get; init; }
        public long UpdatedAt { get; init; }
        public long? FirstResponseAt { get; init; }
        public long? ResolvedAt { get; init; }
        public int? Csat { get; init; }
        public long LastSequence { get; init; }
        public long? WaitingSince { get; init; }
        public long? SnoozedUntil { get; init; }
        public long? LastMessageAt { get; init; }
        public string? LastMessagePreview { get; init; }
        public bool Escalated { get; init; }

        public ConversationRecord ToRecord() => new(
            Id, CustomerId, CustomerExternalId, CustomerName, CustomerAnonymous, Enum.Parse<Channel>(Channel), Subject,
            Enum.Parse<ConversationStatus>(Status), (Priority)Priority, TeamId, TeamName, AssigneeId, AssigneeName,
            UnixTime.FromMs(CreatedAt), UnixTime.FromMs(UpdatedAt), UnixTime.FromMs(FirstResponseAt), UnixTime.FromMs(ResolvedAt),
            Csat, LastSequence, UnixTime.FromMs(WaitingSince), UnixTime.FromMs(SnoozedUntil), UnixTime.FromMs(LastMessageAt),
            LastMessagePreview, Escalated);
    }
}

/// <summary>What opening a conversation needs: who, where, which queue, the first message, and the routing that chose the queue.</summary>
public sealed record NewConversation(
    long CustomerId, Channel Channel, string? Subject, long? TeamId, Priority Priority,
    TimeSpan FirstResponseTarget, TimeSpan ResolutionTarget, NewMessage FirstMessage, RoutedConversation? Routing = null);

/// <summary>A widget message's outcome; no conversation means routing must be computed first (see <see cref="ConversationRepository.ContinueOrOpenAsync"/>).</summary>
public sealed record WidgetWrite(ConversationRecord? Conversation, MessageRecord? Message, bool MessageCreated, bool Opened)
{
    public bool NeedsRouting => Conversation is null;
}

/// <summary>The outcome of taking or handing over a conversation: done, or why not (null when someone else took it first).</summary>
public sealed record ClaimOutcome(bool Done, string? Refusal);

/// <summary>A message to store; the body is already validated.</summary>
public sealed record NewMessage(
    AuthorKind AuthorKind, long? AuthorUserId, string ClientMessageId, string Body,
    string? TemplateKey = null, int? TemplateVersion = null, bool Edited = false, string? TemplateRendered = null);

public sealed class ConversationNotFoundException(long id) : InvalidOperationException($"Conversation {id} does not exist.");
