using System.Data.Common;
using Dapper;
using Workspace.Data.Conversations;
using Workspace.Data.Database;
using Workspace.Data.Teams;
using Workspace.Domain.Routing;
using Workspace.Domain.Staff;

namespace Workspace.Data.Routing;

/// <summary>
/// Assigns queued conversations inside a write: reads every agent's presence, skills and load once
/// (locked on SQL Server; the SQLite writer is single), chooses with <see cref="Assignment.Choose"/>,
/// and assigns with a compare-and-set on the conversation, so a conversation never gets two owners
/// and an agent never passes their capacity, whatever runs at the same time.
/// </summary>
internal static class Assigner
{
    private const int MaxPerDrain = 500;

    /// <summary>A drain looks at most this far down the queues: it runs inside the write, which other writes wait for.</summary>
    private const int MaxExamined = 5_000;

    // SQL Server: every transaction that assigns takes this lock first, before touching a conversation or an
    // agent row, so arrivals, drains, claims and hand-backs queue up instead of deadlocking on each other's
    // rows. SQLite's single writer already runs them one at a time.
    private const string AssignmentLockSqlServer = """
        EXEC sp_getapplock @Resource = N'workspace-assignment', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 15000
        """;

    /// <summary>Serializes assigning transactions on SQL Server; call first in the transaction.</summary>
    public static async Task LockAsync(DbConnection c, DbTransaction t, ISqlDialect dialect, CancellationToken ct)
    {
        if (dialect.Provider == DatabaseProvider.SqlServer)
        {
            await c.ExecuteAsync(new CommandDefinition(AssignmentLockSqlServer, transaction: t, cancellationToken: ct));
        }
    }

    private const string QueuedOrderedSql = """
        SELECT c.id, c.team_id, t.name AS team_name, c.priority, COALESCE(c.waiting_since, c.created_at) AS waiting, d.team_id AS decision_team_id, d.required_skills, d.sticky_agent_id, d.sticky_reason
        FROM conversations c
        JOIN teams t ON t.id = c.team_id
        LEFT JOIN routing_decisions d ON d.conversation_id = c.id
        WHERE c.assignee_id IS NULL AND c.status IN ('Open', 'Pending') AND (@Only IS NULL OR c.id = @Only)
          AND (c.priority > @AfterPriority
               OR (c.priority = @AfterPriority AND (COALESCE(c.waiting_since, c.created_at) > @AfterWaiting
                   OR (COALESCE(c.waiting_since, c.created_at) = @AfterWaiting AND c.id > @AfterId))))
          AND (@Only IS NOT NULL OR c.team_id IN (
              SELECT m.team_id FROM team_members m
              JOIN agents a ON a.user_id = m.user_id
              JOIN users u ON u.id = a.user_id
              WHERE a.presence = 'Online' AND u.is_disabled = 0
                AND (SELECT COUNT(*) FROM conversations o WHERE o.assignee_id = a.user_id AND o.status <> 'Resolved') < a.capacity))
        ORDER BY c.priority, COALESCE(c.waiting_since, c.created_at), c.id
        """;
    private const string QueuedSqlite = QueuedOrderedSql + Paging.SqliteFirstRows;
    private const string QueuedSqlServer = QueuedOrderedSql + Paging.SqlServerFirstRows;
    private const string AssignSql = """
        UPDATE conversations SET assignee_id = @AgentId, assigned_at = @Now, updated_at = @Now
        WHERE id = @Id AND assignee_id IS NULL AND status <> 'Resolved'
        """;
    private const string TouchAgentSql = """
        UPDATE agents SET last_assigned_at = @Now WHERE user_id = @AgentId
        """;
    private const string SaveAttemptSql = """
        UPDATE routing_decisions SET assignment = @Attempt WHERE conversation_id = @Id
        """;

    /// <summary>
    /// Assigns what can be assigned, most urgent and longest waiting first; with <paramref name="only"/>
    /// just that conversation (a new arrival), recording the attempt even when nobody is eligible.
    /// </summary>
    public static async Task<IReadOnlyList<(long ConversationId, AssignmentAttempt Attempt)>> AssignQueuedAsync(
        DbConnection c, DbTransaction t, ISqlDialect dialect, string how, long? only, DateTimeOffset now, CancellationToken ct)
    {
        await LockAsync(c, t, dialect, ct);
        var agents = (await TeamRepository.ListAgentsForAssignmentAsync(c, t, dialect, ct)).ToDictionary(a => a.UserId);
        var load = agents.Values.ToDictionary(a => a.UserId, a => (Open: a.OpenConversations, Last: a.LastAssignedAt));
        var results = new List<(long, AssignmentAttempt)>();
        // A drain reads only teams where someone has a free seat, a page at a time in queue order (keyset, so rows
        // assigned or filtered out meanwhile never shift the next page), so a backlog nobody can take (in another
        // team, or needing a skill nobody free has) never hides what a free agent could take behind it.
        var after = (Priority: -1, Waiting: long.MinValue, Id: 0L);
        for (var examined = 0; examined < MaxExamined; examined += MaxPerDrain)
        {
            var page = (await c.QueryAsync<QueuedRow>(new CommandDefinition(dialect.Pick(QueuedSqlite, QueuedSqlServer),
                new { Only = only, Take = MaxPerDrain, AfterPriority = after.Priority, AfterWaiting = after.Waiting, AfterId = after.Id }, t, cancellationToken: ct))).ToList();
            await AssignPageAsync(c, t, page, agents, load, results, how, only is not null, now, ct);
            if (page.Count < MaxPerDrain || !agents.Values.Any(a => a.Presence == Presence.Online && load[a.UserId].Open < a.Capacity))
            {
                break;
            }
            after = (page[^1].Priority, page[^1].Waiting, page[^1].Id);
        }
        return results;
    }

    private static async Task<int> AssignPageAsync(DbConnection c, DbTransaction t, List<QueuedRow> queued, Dictionary<long, AgentRecord> agents,
        Dictionary<long, (int Open, DateTimeOffset? Last)> load, List<(long, AssignmentAttempt)> results, string how, bool arrival, DateTimeOffset now, CancellationToken ct)
    {
        var assigned = 0;
        foreach (var q in queued)
        {
            var members = agents.Values.Where(a => a.TeamIds.Contains(q.TeamId)).ToList();
            // Skills were required for the team routing chose; after a transfer elsewhere they no longer apply.
            var skills = q.DecisionTeamId == q.TeamId && !string.IsNullOrEmpty(q.RequiredSkills) ? q.RequiredSkills.Split(',') : [];
            var candidates = members.Select(a => new AssignmentCandidate(a.UserId, a.Name, a.Presence, load[a.UserId].Open, a.Capacity,
                a.Skills.ToHashSet(StringComparer.Ordinal), load[a.UserId].Last)).ToList();
            var sticky = members.Any(m => m.UserId == q.StickyAgentId) ? q.StickyAgentId : null;
            var result = Assignment.Choose(candidates, skills, sticky, q.StickyReason);
            var agent = result.AgentId is { } id ? agents[id] : null;
            var attempt = new AssignmentAttempt(now, how, q.TeamName, result.AgentId, agent?.Name, skills, result.Candidates);
            if (agent is null)
            {
                if (arrival)
                {
                    await SaveAttemptAsync(c, t, q.Id, attempt, ct);
                    results.Add((q.Id, attempt));
                }
                continue;
            }
            var nowMs = UnixTime.ToMs(now);
            if (await c.ExecuteAsync(new CommandDefinition(AssignSql, new { Id = q.Id, AgentId = agent.UserId, Now = nowMs }, t, cancellationToken: ct)) == 0)
            {
                continue;
            }
            await c.ExecuteAsync(new CommandDefinition(TouchAgentSql, new { AgentId = agent.UserId, Now = nowMs }, t, cancellationToken: ct));
            load[agent.UserId] = (load[agent.UserId].Open + 1, now);
            await SaveAttemptAsync(c, t, q.Id, attempt, ct);
            await ConversationRepository.AddEventAsync(c, t, q.Id, "assigned", null,
                new { agentId = agent.UserId, agent = agent.Name, how, reason = attempt.Summary }, now, ct);
            results.Add((q.Id, attempt));
            assigned++;
        }
        return assigned;
    }

    private static async Task SaveAttemptAsync(DbConnection c, DbTransaction t, long conversationId, AssignmentAttempt attempt, CancellationToken ct) =>
        await c.ExecuteAsync(new CommandDefinition(SaveAttemptSql, new { Id = conversationId, Attempt = RoutingJson.Write(attempt) }, t, cancellationToken: ct));

    private const string OfflineOwnedSql = """
        SELECT c.id, c.assignee_id, u.display_name AS agent_name, a.presence_changed_at
        FROM conversations c
        JOIN agents a ON a.user_id = c.assignee_id
        JOIN users u ON u.id = c.assignee_id
        WHERE a.presence = 'Offline' AND a.presence_changed_at <= @Cutoff AND c.status <> 'Resolved'
          AND (c.assigned_at IS NULL OR c.assigned_at <= a.presence_changed_at)
        """;
    private const string UnassignSql = """
        UPDATE conversations SET assignee_id = NULL, assigned_at = NULL, updated_at = @Now WHERE id = @Id AND assignee_id = @AgentId
        """;

    /// <summary>
    /// Hands back to their team's queue the conversations of agents who went offline at least
    /// <paramref name="grace"/> ago after getting them; returns their ids.
    /// </summary>
    public static async Task<IReadOnlyList<long>> ReturnFromOfflineAsync(DbConnection c, DbTransaction t, ISqlDialect dialect, TimeSpan grace, DateTimeOffset now, CancellationToken ct)
    {
        await LockAsync(c, t, dialect, ct);
        var owned = (await c.QueryAsync<OfflineRow>(new CommandDefinition(OfflineOwnedSql, new { Cutoff = UnixTime.ToMs(now - grace) }, t, cancellationToken: ct))).ToList();
        var returned = new List<long>(owned.Count);
        foreach (var o in owned)
        {
            if (await c.ExecuteAsync(new CommandDefinition(UnassignSql, new { o.Id, AgentId = o.AssigneeId, Now = UnixTime.ToMs(now) }, t, cancellationToken: ct)) == 1)
            {
                var since = UnixTime.FromMs(o.PresenceChangedAt);
                await ConversationRepository.AddEventAsync(c, t, o.Id, "returned-to-queue", null, new
                {
                    agentId = o.AssigneeId,
                    agent = o.AgentName,
                    reason = $"{o.AgentName} has been offline since {since:yyyy-MM-dd HH:mm} UTC, longer than the {grace.TotalMinutes:0.#} min grace period.",
                }, now, ct);
                returned.Add(o.Id);
            }
        }
        return returned;
    }

    private sealed class QueuedRow
    {
        public long Id { get; init; }
        public long TeamId { get; init; }
        public string TeamName { get; init; } = "";
        public int Priority { get; init; }
        public long Waiting { get; init; }
        public long? DecisionTeamId { get; init; }
        public string? RequiredSkills { get; init; }
        public long? StickyAgentId { get; init; }
        public string? StickyReason { get; init; }
    }

    private sealed class OfflineRow
    {
        public long Id { get; init; }
        public long AssigneeId { get; init; }
        public string AgentName { get; init; } = "";
        public long PresenceChangedAt { get; init; }
    }
}
