using Dapper;
using Workspace.Data.Conversations;
using Workspace.Data.Database;
using Workspace.Domain.Conversations;
using Workspace.Domain.Signals;

namespace Workspace.Data.Customers;

/// <summary>
/// The aggregates the context panel and the signals are computed from. One round trip of grouped,
/// index-backed queries per customer, whatever the length of their history; lists are paged.
/// </summary>
public sealed class CustomerContextQueries(Db db)
{
    public const int RecentConversations = 10;

    // Feature use, activity and totals come from roll-ups kept as data is stored; what is left scans at
    // most the last few weeks of one customer's rows. History length no longer changes the cost.
    private const string FactsBeforeCsatSql = """
        SELECT name AS step, MAX(CASE WHEN kind = 'OnboardingStepCompleted' THEN 1 ELSE 0 END) AS completed, MAX(occurred_at) AS at
        FROM customer_events
        WHERE customer_id = @Id AND kind IN ('OnboardingStepCompleted', 'OnboardingStepFailed')
        GROUP BY name;

        SELECT feature, uses, last_used_at FROM customer_feature_usage WHERE customer_id = @Id;

        SELECT COALESCE(SUM(CASE WHEN a.hour_bucket >= @Since7Hour THEN a.events ELSE 0 END), 0) AS last7,
               COALESCE(SUM(CASE WHEN a.hour_bucket < @Since7Hour THEN a.events ELSE 0 END), 0) AS previous28,
               (SELECT r.last_seen_at FROM customer_rollups r WHERE r.customer_id = @Id) AS last_seen_at,
               COALESCE((SELECT r.events FROM customer_rollups r WHERE r.customer_id = @Id), 0) AS total_events
        FROM customer_activity_hours a
        WHERE a.customer_id = @Id AND a.hour_bucket >= @Since35Hour AND a.hour_bucket <= @NowHour;

        SELECT name AS error, COUNT(*) AS count, MAX(occurred_at) AS last_at
        FROM customer_events
        WHERE customer_id = @Id AND kind = 'ErrorRaised' AND occurred_at >= @Since7
        GROUP BY name;

        SELECT COUNT(*) AS total,
               COALESCE(SUM(CASE WHEN status <> 'Resolved' THEN 1 ELSE 0 END), 0) AS open_count,
               COALESCE(SUM(CASE WHEN created_at >= @Since7 THEN 1 ELSE 0 END), 0) AS recent,
               COALESCE(SUM(CASE WHEN escalated = 1 THEN 1 ELSE 0 END), 0) AS escalated_count
        FROM conversations
        WHERE customer_id = @Id;

        SELECT channel, COUNT(*) AS uses
        FROM conversations
        WHERE customer_id = @Id
        GROUP BY channel;
        """;
    private const string LastCsatSqlite = """

        SELECT csat, resolved_at FROM conversations
        WHERE customer_id = @Id AND resolved_at IS NOT NULL AND csat IS NOT NULL
        ORDER BY resolved_at DESC
        LIMIT 1;
        """;
    private const string LastCsatSqlServer = """

        SELECT TOP (1) csat, resolved_at FROM conversations
        WHERE customer_id = @Id AND resolved_at IS NOT NULL AND csat IS NOT NULL
        ORDER BY resolved_at DESC;
        """;
    private const string FactsAfterCsatSql = """

        SELECT COALESCE(r.transactions, 0) AS total_count,
               COALESCE(w.failed90, 0) AS failed90, COALESCE(w.paid90, 0) AS paid90, COALESCE(w.refunded90, 0) AS refunded90,
               COALESCE(r.paid_minor, 0) AS paid_total, COALESCE(r.refunded_minor, 0) AS refunded_total, COALESCE(r.outstanding_minor, 0) AS outstanding
        FROM (SELECT @Id AS customer_id) k
        LEFT JOIN customer_rollups r ON r.customer_id = k.customer_id
        LEFT JOIN (SELECT customer_id,
                          SUM(CASE WHEN status = 'Failed' THEN 1 ELSE 0 END) AS failed90,
                          SUM(CASE WHEN status = 'Paid' AND kind <> 'Refund' THEN amount_minor ELSE 0 END) AS paid90,
                          SUM(CASE WHEN kind = 'Refund' AND status IN ('Refunded', 'Paid') THEN amount_minor ELSE 0 END) AS refunded90
                   FROM transactions WHERE customer_id = @Id AND occurred_at >= @Since90
                   GROUP BY customer_id) w ON w.customer_id = k.customer_id;

        SELECT hour_bucket % 24 AS hour, SUM(events) AS events
        FROM customer_activity_hours
        WHERE customer_id = @Id AND hour_bucket >= @Since35Hour
        GROUP BY hour_bucket % 24;

        SELECT channel, window_start, window_end, tone, language, opted_out, paused_until, updated_at
        FROM customer_preferences
        WHERE customer_id = @Id;
        """;
    private const string FactsSqlite = FactsBeforeCsatSql + LastCsatSqlite + FactsAfterCsatSql;
    private const string FactsSqlServer = FactsBeforeCsatSql + LastCsatSqlServer + FactsAfterCsatSql;

    /// <summary>Every aggregate of one customer, in one round trip.</summary>
    public Task<ContextAggregates> FactsAsync(CustomerRecord customer, DateTimeOffset now, CancellationToken ct) =>
        db.ReadAsync(async c =>
        {
            var nowMs = UnixTime.ToMs(now);
            const long day = 86_400_000;
            const long hour = 3_600_000;
            using var grid = await c.QueryMultipleAsync(new CommandDefinition(db.Dialect.Pick(FactsSqlite, FactsSqlServer), new
            {
                customer.Id,
                Since7 = nowMs - 7 * day,
                Since90 = nowMs - 90 * day,
                NowHour = nowMs / hour,
                Since7Hour = (nowMs - 7 * day) / hour,
                Since35Hour = (nowMs - 35 * day) / hour,
            }, cancellationToken: ct));
            var steps = (await grid.ReadAsync<StepRow>()).Select(r => new OnboardingStepFact(r.Step, r.Completed == 1, UnixTime.FromMs(r.At))).ToList();
            var features = (await grid.ReadAsync<FeatureRow>()).Select(r => new FeatureFact(r.Feature, (int)r.Uses, UnixTime.FromMs(r.LastUsedAt))).ToList();
            var activity = await grid.ReadSingleAsync<ActivityRow>();
            var errors = (await grid.ReadAsync<ErrorRow>()).Select(r => new ErrorFact(r.Error, (int)r.Count, UnixTime.FromMs(r.LastAt))).ToList();
            var conversations = await grid.ReadSingleAsync<ConversationCountsRow>();
            var channels = (await grid.ReadAsync<ChannelRow>()).OrderByDescending(r => r.Uses).ThenBy(r => r.Channel, StringComparer.Ordinal).ToList();
            var csat = (await grid.ReadAsync<CsatRow>()).FirstOrDefault();
            var money = await grid.ReadSingleAsync<MoneyRow>();
            var hours = (await grid.ReadAsync<HourRow>()).ToDictionary(r => (int)r.Hour, r => (int)r.Events);
            var preferences = (await grid.ReadAsync<PreferencesRow>()).FirstOrDefault();

            var facts = new CustomerFacts(
                customer.Profile, customer.CreatedAt, now, steps, features,
                new ActivityFact((int)activity.Last7, (int)activity.Previous28, UnixTime.FromMs(activity.LastSeenAt)),
                errors,
                new ConversationFacts((int)conversations.Total, (int)conversations.OpenCount, (int)conversations.Recent, (int)conversations.EscalatedCount,
                    csat?.Csat, UnixTime.FromMs(csat?.ResolvedAt), channels.FirstOrDefault()?.Channel),
                new TransactionFacts((int)money.Failed90, Money.FromMinor(money.Paid90), Money.FromMinor(money.Refunded90)));
            return new ContextAggregates(
                facts,
                (int)activity.TotalEvents,
                new TransactionTotals((int)money.TotalCount, Money.FromMinor(money.PaidTotal), Money.FromMinor(money.RefundedTotal), Money.FromMinor(money.Outstanding)),
                hours,
                preferences?.ToDeclared(),
                UnixTime.FromMs(preferences?.UpdatedAt));
        }, ct);

    private const string RecentConversationsSqlite = ConversationRepository.ConversationColumnsSql + """

        WHERE c.customer_id = @Id
        ORDER BY c.created_at DESC, c.id DESC
        """ + Paging.SqliteFirstRows;
    private const string RecentConversationsSqlServer = ConversationRepository.ConversationColumnsSql + """

        WHERE c.customer_id = @Id
        ORDER BY c.created_at DESC, c.id DESC
        """ + Paging.SqlServerFirstRows;

    public Task<IReadOnlyList<ConversationRecord>> RecentConversationsAsync(long customerId, int take, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<ConversationRecord>>(async c =>
            (await c.QueryAsync<ConversationRepository.ConversationRow>(new CommandDefinition(
                db.Dialect.Pick(RecentConversationsSqlite, RecentConversationsSqlServer), new { Id = customerId, Take = take }, cancellationToken: ct)))
            .Select(r => r.ToRecord()).ToList(), ct);

    private const string ReplyTurnsOrderedSql = """
        SELECT m.conversation_id, m.author_kind, m.created_at
        FROM conversations c
        JOIN messages m ON m.conversation_id = c.id
        WHERE c.customer_id = @Id AND m.author_kind IN ('Customer', 'Agent')
        ORDER BY c.created_at DESC, m.sequence DESC
        """;
    private const string ReplyTurnsSqlite = ReplyTurnsOrderedSql + Paging.SqliteFirstRows;
    private const string ReplyTurnsSqlServer = ReplyTurnsOrderedSql + Paging.SqlServerFirstRows;

    /// <summary>Customer and agent messages of the customer's latest conversations, for how fast they reply.</summary>
    public Task<IReadOnlyList<ReplyTurn>> ReplyTurnsAsync(long customerId, int take, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<ReplyTurn>>(async c =>
            (await c.QueryAsync<TurnRow>(new CommandDefinition(db.Dialect.Pick(ReplyTurnsSqlite, ReplyTurnsSqlServer), new { Id = customerId, Take = take }, cancellationToken: ct)))
            .Select(r => new ReplyTurn(r.ConversationId, r.AuthorKind == "Customer", UnixTime.FromMs(r.CreatedAt))).ToList(), ct);

    private sealed class TurnRow
    {
        public long ConversationId { get; init; }
        public string AuthorKind { get; init; } = "";
        public long CreatedAt { get; init; }
    }

    private const string UpsertPreferencesSqlite = """
        INSERT INTO customer_preferences (customer_id, channel, window_start, window_end, tone, language, opted_out, paused_until, updated_at)
        VALUES (@Id, @Channel, @WindowStart, @WindowEnd, @Tone, @Language, @OptedOut, @PausedUntil, @Now)
        ON CONFLICT (customer_id) DO UPDATE SET channel = excluded.channel, window_start = excluded.window_start,
            window_end = excluded.window_end, tone = excluded.tone, language = excluded.language, opted_out = excluded.opted_out,
            paused_until = excluded.paused_until, updated_at = excluded.updated_at
        """;
    private const string UpsertPreferencesSqlServer = """
        MERGE customer_preferences WITH (HOLDLOCK) AS target
        USING (SELECT @Id AS customer_id) AS source ON target.customer_id = source.customer_id
        WHEN MATCHED THEN UPDATE SET channel = @Channel, window_start = @WindowStart, window_end = @WindowEnd, tone = @Tone,
            language = @Language, opted_out = @OptedOut, paused_until = @PausedUntil, updated_at = @Now
        WHEN NOT MATCHED THEN INSERT (customer_id, channel, window_start, window_end, tone, language, opted_out, paused_until, updated_at)
            VALUES (@Id, @Channel, @WindowStart, @WindowEnd, @Tone, @Language, @OptedOut, @PausedUntil, @Now);
        """;

    /// <summary>Replaces the customer's declared preferences.</summary>
    public Task SetPreferencesAsync(long customerId, DeclaredPreferences p, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(db.Dialect.Pick(UpsertPreferencesSqlite, UpsertPreferencesSqlServer), new
        {
            Id = customerId,
            Channel = p.Channel?.ToString(),
            WindowStart = p.WindowStart?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            WindowEnd = p.WindowEnd?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            Tone = p.Tone?.ToString(),
            p.Language,
            OptedOut = p.OptedOutOfNonMandatory,
            PausedUntil = UnixTime.ToMs(p.PausedUntil),
            Now = UnixTime.ToMs(now),
        }, t, cancellationToken: ct)), ct);

    private sealed class StepRow
    {
        public string Step { get; init; } = "";
        public long Completed { get; init; }
        public long At { get; init; }
    }

    private sealed class FeatureRow
    {
        public string Feature { get; init; } = "";
        public long Uses { get; init; }
        public long LastUsedAt { get; init; }
    }

    private sealed class ActivityRow
    {
        public long Last7 { get; init; }
        public long Previous28 { get; init; }
        public long? LastSeenAt { get; init; }
        public long TotalEvents { get; init; }
    }

    private sealed class ErrorRow
    {
        public string Error { get; init; } = "";
        public long Count { get; init; }
        public long LastAt { get; init; }
    }

    private sealed class ConversationCountsRow
    {
        public long Total { get; init; }
        public long OpenCount { get; init; }
        public long Recent { get; init; }
        public long EscalatedCount { get; init; }
    }

    private sealed class ChannelRow
    {
        public string Channel { get; init; } = "";
        public long Uses { get; init; }
    }

    private sealed class CsatRow
    {
        public int Csat { get; init; }
        public long ResolvedAt { get; init; }
    }

    private sealed class MoneyRow
    {
        public long TotalCount { get; init; }
        public long Failed90 { get; init; }
        public long Paid90 { get; init; }
        public long Refunded90 { get; init; }
        public long PaidTotal { get; init; }
        public long RefundedTotal { get; init; }
        public long Outstanding { get; init; }
    }

    private sealed class HourRow
    {
        public long Hour { get; init; }
        public long Events { get; init; }
    }

    private sealed class PreferencesRow
    {
        public string? Channel { get; init; }
        public string? WindowStart { get; init; }
        public string? WindowEnd { get; init; }
        public string? Tone { get; init; }
        public string? Language { get; init; }
        public bool OptedOut { get; init; }
        public long? PausedUntil { get; init; }
        public long UpdatedAt { get; init; }

        public DeclaredPreferences ToDeclared() => new(
            Channel is null ? null : Enum.Parse<Channel>(Channel),
            WindowStart is null ? null : TimeOnly.ParseExact(WindowStart, "HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            WindowEnd is null ? null : TimeOnly.ParseExact(WindowEnd, "HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            Tone is null ? null : Enum.Parse<Tone>(Tone),
            Language, OptedOut, UnixTime.FromMs(PausedUntil));
    }
}

/// <summary>What one round trip returns: the facts for signals plus the totals and histograms the panel shows.</summary>
public sealed record ContextAggregates(
    CustomerFacts Facts,
    int TotalEvents,
    TransactionTotals Transactions,
    IReadOnlyDictionary<int, int> ActivityByUtcHour,
    DeclaredPreferences? Declared,
    DateTimeOffset? DeclaredUpdatedAt);

public sealed record TransactionTotals(int Count, decimal Paid, decimal Refunded, decimal Outstanding);
