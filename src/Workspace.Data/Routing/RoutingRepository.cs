using System.Data.Common;
using Dapper;
using Workspace.Data.Audit;
using Workspace.Data.Database;
using Workspace.Domain.Conversations;
using Workspace.Domain.Routing;

namespace Workspace.Data.Routing;

/// <summary>
/// Routing versions, the lead's draft, and the decision stored per conversation. Publishing appends a
/// version (versions are never changed); rolling back publishes a copy of an earlier one. Every
/// change is audited with its diff in the same transaction.
/// </summary>
public sealed class RoutingRepository(Db db)
{
    private const string ActiveOrderedSql = """
        SELECT version, definition, comment, changes, published_by, published_at FROM routing_versions ORDER BY version DESC
        """;
    private const string ActiveSqlite = ActiveOrderedSql + Paging.SqliteFirstRows;
    private const string ActiveSqlServer = ActiveOrderedSql + Paging.SqlServerFirstRows;
    private const string ActiveForWriteSqlite = ActiveSqlite;
    // Held until commit: a second publish at the same moment waits, then sees the new version and is refused
    // politely instead of failing on the primary key.
    private const string ActiveForWriteSqlServer = """
        SELECT TOP (1) version, definition, comment, changes, published_by, published_at
        FROM routing_versions WITH (UPDLOCK, HOLDLOCK) ORDER BY version DESC
        """;

    /// <summary>The version new conversations are routed by (the latest published), or null before any is published.</summary>
    public Task<RoutingVersion?> ActiveAsync(CancellationToken ct) =>
        db.ReadAsync(async c => (await c.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(
            db.Dialect.Pick(ActiveSqlite, ActiveSqlServer), new { Take = 1 }, cancellationToken: ct)))?.ToVersion(), ct);

    private const string ActiveVersionSql = """
        SELECT MAX(version) FROM routing_versions
        """;

    /// <summary>Just the active version number: a cheap check before using a cached compiled version.</summary>
    public Task<int?> ActiveVersionAsync(CancellationToken ct) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<int?>(new CommandDefinition(ActiveVersionSql, cancellationToken: ct)), ct);

    private const string VersionSql = """
        SELECT version, definition, comment, changes, published_by, published_at FROM routing_versions WHERE version = @Version
        """;

    public Task<RoutingVersion?> VersionAsync(int version, CancellationToken ct) =>
        db.ReadAsync(async c => (await c.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(VersionSql, new { Version = version }, cancellationToken: ct)))?.ToVersion(), ct);

    private const string VersionsSql = """
        SELECT version, definition, comment, changes, published_by, published_at FROM routing_versions ORDER BY version DESC
        """;

    public Task<IReadOnlyList<RoutingVersion>> VersionsAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<RoutingVersion>>(async c =>
            (await c.QueryAsync<VersionRow>(new CommandDefinition(VersionsSql, cancellationToken: ct))).Select(r => r.ToVersion()).ToList(), ct);

    private const string DraftSql = """
        SELECT definition, based_on_version, updated_by, updated_at FROM routing_draft WHERE id = 1
        """;

    /// <summary>The saved draft, or null when there is none (the editor then starts from the active version).</summary>
    public Task<RoutingDraft?> DraftAsync(CancellationToken ct) =>
        db.ReadAsync(async c => (await c.QuerySingleOrDefaultAsync<DraftRow>(new CommandDefinition(DraftSql, cancellationToken: ct))) is { } r
            ? new RoutingDraft(RoutingJson.Read<RoutingDefinition>(r.Definition), r.BasedOnVersion, r.UpdatedBy, UnixTime.FromMs(r.UpdatedAt))
            : null, ct);

    private const string DeleteDraftSql = """
        DELETE FROM routing_draft WHERE id = 1
        """;
    private const string InsertDraftSql = """
        INSERT INTO routing_draft (id, definition, based_on_version, updated_by, updated_at) VALUES (1, @Definition, @BasedOn, @Actor, @Now)
        """;

    /// <summary>Saves the draft (the caller validated it), audited with what changed since the last save.</summary>
    public Task SaveDraftAsync(RoutingDefinition definition, int? basedOn, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var before = await c.QuerySingleOrDefaultAsync<DraftRow>(new CommandDefinition(DraftSql, transaction: t, cancellationToken: ct));
            var previous = before is not null ? RoutingJson.Read<RoutingDefinition>(before.Definition) : (await ActiveInAsync(c, t, ct))?.Definition;
            await c.ExecuteAsync(new CommandDefinition(DeleteDraftSql, transaction: t, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition(InsertDraftSql,
                new { Definition = RoutingJson.Write(definition), BasedOn = basedOn, Actor = actor, Now = UnixTime.ToMs(now) }, t, cancellationToken: ct));
            await AuditLog.AppendAsync(c, t, actor, "routing.draft-saved", "routing", new { basedOn, changes = RoutingDiff.Between(previous, definition) }, now, ct);
        }, ct);

    /// <summary>Throws away the draft, audited.</summary>
    public Task DiscardDraftAsync(string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(new CommandDefinition(DeleteDraftSql, transaction: t, cancellationToken: ct)) > 0)
            {
                await AuditLog.AppendAsync(c, t, actor, "routing.draft-discarded", "routing", null, now, ct);
            }
        }, ct);

    private const string InsertVersionSql = """
        INSERT INTO routing_versions (version, definition, comment, changes, published_by, published_at)
        VALUES (@Version, @Definition, @Comment, @Changes, @Actor, @Now)
        """;

    /// <summary>
    /// Publishes a definition as the next version, if the active version is still the one the lead
    /// started from (otherwise someone else published meanwhile and nothing is stored). The draft is
    /// cleared: the editor starts again from what is live.
    /// </summary>
    public Task<PublishOutcome> PublishAsync(RoutingDefinition definition, int? expectedActive, string? comment, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var active = await ActiveInAsync(c, t, ct);
            if (active?.Version != expectedActive)
            {
                return new PublishOutcome(null, $"Version {active?.Version} was published by {active?.PublishedBy} meanwhile; review it before publishing.", []);
            }
            var changes = RoutingDiff.Between(active?.Definition, definition);
            var version = await InsertVersionAsync(c, t, active, definition, comment, changes, actor, now, ct);
            await c.ExecuteAsync(new CommandDefinition(DeleteDraftSql, transaction: t, cancellationToken: ct));
            await AuditLog.AppendAsync(c, t, actor, "routing.published", $"routing v{version}", new { version, comment, changes }, now, ct);
            return new PublishOutcome(version, null, changes);
        }, ct);

    /// <summary>Makes an earlier version live again by publishing a copy of it as the next version.</summary>
    public Task<PublishOutcome> RollbackAsync(int toVersion, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var target = (await c.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(VersionSql, new { Version = toVersion }, t, cancellationToken: ct)))?.ToVersion();
            if (target is null)
            {
                return new PublishOutcome(null, $"There is no version {toVersion}.", []);
            }
            var active = await ActiveInAsync(c, t, ct);
            if (active!.Version == toVersion)
            {
                return new PublishOutcome(null, $"Version {toVersion} is already live.", []);
            }
            var changes = RoutingDiff.Between(active.Definition, target.Definition);
            var comment = $"Rolled back to version {toVersion}.";
            var version = await InsertVersionAsync(c, t, active, target.Definition, comment, changes, actor, now, ct);
            await AuditLog.AppendAsync(c, t, actor, "routing.rolled-back", $"routing v{version}", new { version, toVersion, changes }, now, ct);
            return new PublishOutcome(version, null, changes);
        }, ct);

    /// <summary>Publishes inside the caller's transaction (the demo seed's first version).</summary>
    public static async Task<int> PublishAsync(DbConnection c, DbTransaction t, ISqlDialect dialect, RoutingDefinition definition, string comment, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var active = (await c.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(dialect.Pick(ActiveForWriteSqlite, ActiveForWriteSqlServer), new { Take = 1 }, t, cancellationToken: ct)))?.ToVersion();
        var changes = RoutingDiff.Between(active?.Definition, definition);
        var version = await InsertVersionAsync(c, t, active, definition, comment, changes, actor, now, ct);
        await AuditLog.AppendAsync(c, t, actor, "routing.published", $"routing v{version}", new { version, comment, changes }, now, ct);
        return version;
    }

    private async Task<RoutingVersion?> ActiveInAsync(DbConnection c, DbTransaction t, CancellationToken ct) =>
        (await c.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(db.Dialect.Pick(ActiveForWriteSqlite, ActiveForWriteSqlServer), new { Take = 1 }, t, cancellationToken: ct)))?.ToVersion();

    private static async Task<int> InsertVersionAsync(DbConnection c, DbTransaction t, RoutingVersion? active, RoutingDefinition definition, string? comment,
        IReadOnlyList<string> changes, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var version = (active?.Version ?? 0) + 1;
        await c.ExecuteAsync(new CommandDefinition(InsertVersionSql, new
        {
            Version = version,
            Definition = RoutingJson.Write(definition),
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            Changes = RoutingJson.Write(changes),
            Actor = actor,
            Now = UnixTime.ToMs(now),
        }, t, cancellationToken: ct));
        return version;
    }

    internal const string InsertDecisionSql = """
        INSERT INTO routing_decisions (conversation_id, decided_at, ruleset_version, rule_id, rule_name, team_id, priority, required_skills,
            sticky_agent_id, sticky_reason, decision, snapshot, assignment)
        VALUES (@ConversationId, @Now, @Version, @RuleId, @RuleName, @TeamId, @Priority, @RequiredSkills, @StickyAgentId, @StickyReason,
            @Decision, @Snapshot, @Assignment)
        """;

    /// <summary>The stored form of a decision with how its intent and complexity were read.</summary>
    internal static string DecisionJson(RoutingDecision decision, RoutingAssessment assessment) =>
        RoutingJson.Write(new StoredDecision(decision, assessment.Intent, assessment.Complexity));

    /// <summary>Stores a conversation's routing decision inside the transaction that opens it.</summary>
    public static Task InsertDecisionAsync(DbConnection c, DbTransaction t, long conversationId, RoutedConversation routed, DateTimeOffset now, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(InsertDecisionSql, new
        {
            ConversationId = conversationId,
            Now = UnixTime.ToMs(now),
            Version = routed.Decision.RulesetVersion,
            RuleId = routed.Decision.MatchedRuleId,
            RuleName = routed.Decision.MatchedRuleName,
            routed.TeamId,
            Priority = (int)routed.Decision.Priority,
            RequiredSkills = string.Join(',', routed.Decision.RequiredSkills),
            routed.StickyAgentId,
            routed.StickyReason,
            Decision = DecisionJson(routed.Decision, routed.Assessment),
            Snapshot = RoutingJson.Write(routed.Signals),
            Assignment = (string?)null,
        }, t, cancellationToken: ct));

    private const string DecisionSql = """
        SELECT d.conversation_id, d.decided_at, d.ruleset_version, d.rule_id, d.rule_name, t.name AS team_name, d.priority,
               d.decision, d.snapshot, d.assignment
        FROM routing_decisions d LEFT JOIN teams t ON t.id = d.team_id
        WHERE d.conversation_id = @Id
        """;

    /// <summary>The stored decision of one conversation, or null for one opened before routing existed.</summary>
    public Task<ConversationRouting?> DecisionAsync(long conversationId, CancellationToken ct) =>
        db.ReadAsync(async c => (await c.QuerySingleOrDefaultAsync<DecisionRow>(new CommandDefinition(DecisionSql, new { Id = conversationId }, cancellationToken: ct)))?.ToRouting(), ct);

    private const string HistorySql = """
        SELECT c.id AS conversation_id, c.created_at, c.resolved_at, d.snapshot, t.name AS team_name, d.rule_name, d.priority
        FROM routing_decisions d
        JOIN conversations c ON c.id = d.conversation_id
        LEFT JOIN teams t ON t.id = d.team_id
        WHERE d.decided_at >= @From AND d.decided_at < @To
        ORDER BY d.decided_at, c.id
        """;

    /// <summary>Every routed conversation that arrived in the period, as the simulation replays it.</summary>
    public Task<IReadOnlyList<SimulationCase>> HistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<SimulationCase>>(async c =>
            (await c.QueryAsync<HistoryRow>(new CommandDefinition(HistorySql, new { From = UnixTime.ToMs(from), To = UnixTime.ToMs(to) }, cancellationToken: ct)))
                .Select(r => new SimulationCase(r.ConversationId, UnixTime.FromMs(r.CreatedAt), UnixTime.FromMs(r.ResolvedAt),
                    RoutingJson.Read<RoutingSignals>(r.Snapshot), r.TeamName, r.RuleName, (Priority)r.Priority)).ToList(), ct);

    private const string RuleUsageSql = """
        SELECT rule_id, COUNT(*) AS conversations FROM routing_decisions WHERE decided_at >= @Since GROUP BY rule_id
        """;

    /// <summary>How many conversations each rule decided since a moment, by rule id.</summary>
    public Task<IReadOnlyDictionary<string, int>> RuleUsageAsync(DateTimeOffset since, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyDictionary<string, int>>(async c =>
            (await c.QueryAsync<(string RuleId, long Conversations)>(new CommandDefinition(RuleUsageSql, new { Since = UnixTime.ToMs(since) }, cancellationToken: ct)))
                .ToDictionary(r => r.RuleId, r => (int)r.Conversations, StringComparer.Ordinal), ct);

    /// <summary>Drains every team's queue: assigns waiting conversations to agents who have become free.</summary>
    public Task<IReadOnlyList<(long ConversationId, AssignmentAttempt Attempt)>> DrainQueuesAsync(DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync((c, t) => Assigner.AssignQueuedAsync(c, t, db.Dialect, "queue", null, now, ct), ct);

    /// <summary>Returns offline agents' conversations to the queue after the grace period, then drains; returns every conversation changed.</summary>
    public Task<IReadOnlyList<long>> ReassignFromOfflineAsync(TimeSpan grace, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync<IReadOnlyList<long>>(async (c, t) =>
        {
            var returned = await Assigner.ReturnFromOfflineAsync(c, t, db.Dialect, grace, now, ct);
            if (returned.Count == 0)
            {
                return returned;
            }
            var assigned = await Assigner.AssignQueuedAsync(c, t, db.Dialect, "reassigned after agent went offline", null, now, ct);
            return returned.Concat(assigned.Select(a => a.ConversationId)).Distinct().ToList();
        }, ct);

    private sealed class VersionRow
    {
        public int Version { get; init; }
        public string Definition { get; init; } = "";
        public string? Comment { get; init; }
        public string Changes { get; init; } = "[]";
        public string PublishedBy { get; init; } = "";
        public long PublishedAt { get; init; }

        public RoutingVersion ToVersion() => new(Version, RoutingJson.Read<RoutingDefinition>(Definition), Comment,
            RoutingJson.Read<List<string>>(Changes), PublishedBy, UnixTime.FromMs(PublishedAt));
    }

    private sealed class DraftRow
    {
        public string Definition { get; init; } = "";
        public int? BasedOnVersion { get; init; }
        public string UpdatedBy { get; init; } = "";
        public long UpdatedAt { get; init; }
    }

    private sealed class DecisionRow
    {
        public long ConversationId { get; init; }
        public long DecidedAt { get; init; }
        public int RulesetVersion { get; init; }
        public string RuleId { get; init; } = "";
        public string RuleName { get; init; } = "";
        public string? TeamName { get; init; }
        public int Priority { get; init; }
        public string Decision { get; init; } = "";
        public string Snapshot { get; init; } = "";
        public string? Assignment { get; init; }

        public ConversationRouting ToRouting()
        {
            var stored = RoutingJson.Read<StoredDecision>(Decision);
            return new ConversationRouting(ConversationId, UnixTime.FromMs(DecidedAt), TeamName, stored.Decision, stored.Intent, stored.Complexity,
                RoutingJson.Read<RoutingSignals>(Snapshot), Assignment is null ? null : RoutingJson.Read<AssignmentAttempt>(Assignment));
        }
    }

    private sealed class HistoryRow
    {
        public long ConversationId { get; init; }
        public long CreatedAt { get; init; }
        public long? ResolvedAt { get; init; }
        public string Snapshot { get; init; } = "";
        public string? TeamName { get; init; }
        public string RuleName { get; init; } = "";
        public int Priority { get; init; }
    }

    private sealed record StoredDecision(RoutingDecision Decision, IntentDetection Intent, ComplexityScore Complexity);
}

public sealed record RoutingVersion(int Version, RoutingDefinition Definition, string? Comment, IReadOnlyList<string> Changes, string PublishedBy, DateTimeOffset PublishedAt);

public sealed record RoutingDraft(RoutingDefinition Definition, int? BasedOnVersion, string UpdatedBy, DateTimeOffset UpdatedAt);

public sealed record PublishOutcome(int? Version, string? Refusal, IReadOnlyList<string> Changes);

/// <summary>A new conversation's routing, computed before it is stored: the decision, the team it names, the sticky agent, and what it saw.</summary>
public sealed record RoutedConversation(RoutingDecision Decision, RoutingAssessment Assessment, RoutingSignals Signals, long? TeamId, long? StickyAgentId, string? StickyReason);

