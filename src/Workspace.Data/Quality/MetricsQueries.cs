using System.Globalization;
using Dapper;
using Workspace.Data.Database;
using Workspace.Domain.Customers;
using Workspace.Domain.Quality;

namespace Workspace.Data.Quality;

/// <summary>
/// The metrics dashboard as aggregate SQL: every metric of <see cref="MetricDefinitions"/> for the conversations
/// opened in a period, overall, per group and per day or week, in one round trip that returns one row per
/// group and bucket, never the conversations themselves. The answers equal what <see cref="Metrics"/> computes
/// from the same rows, with every conversation in the database as the history where follow-ups are looked for.
/// </summary>
public sealed class MetricsQueries(Db db)
{
    private const long DayMs = 86_400_000;
    private const long WeekMs = 7 * DayMs;

    // 1970-01-05 was a Monday: weeks counted from it start on Mondays (UTC), as Metrics' ISO weeks do.
    private const long FirstMondayMs = 4 * DayMs;

    // One row per conversation of the period with what each metric needs, read from the conversation's own
    // columns and counters (kept up to date as messages and events are stored), never from its messages or
    // events. The follow-up checks seek ix_conversations_customer: the customer's next conversation (by time,
    // then id) is within 7 days exactly when any later one is. The grouping is a parameter, so one statement
    // serves every grouping; tiers and stages are numbered in their enum order, and the customer is only read
    // when grouping by one of them.
    private const string BaseRows = """
        (
            SELECT c.first_response_at - c.created_at AS first_response_ms,
                   c.resolved_at - c.created_at AS resolution_ms,
                   c.csat,
                   CASE WHEN c.sla_first_response_due_at IS NULL THEN NULL
                        WHEN c.first_response_at IS NOT NULL
                             THEN CASE WHEN c.first_response_at <= c.sla_first_response_due_at THEN 1 ELSE 0 END
                        WHEN c.sla_first_response_due_at < @SlaAsOf THEN 0
                   END AS sla_met,
                   CASE WHEN c.reassignments > 0 THEN 1 ELSE 0 END AS reassigned,
                   c.agent_messages, c.template_messages, c.edited_template_messages,
                   CASE WHEN EXISTS (SELECT 1 FROM conversations n
                                     WHERE n.customer_id = c.customer_id
                                       AND n.created_at >= c.created_at AND n.created_at <= c.created_at + @RepeatWindow
                                       AND (n.created_at > c.created_at OR n.id > c.id))
                        THEN 1 ELSE 0 END AS repeated,
                   CASE WHEN c.resolved_at IS NULL THEN NULL
                        WHEN c.reopens = 0 AND c.reassignments = 0
                             AND NOT EXISTS (SELECT 1 FROM conversations n
                                             WHERE n.customer_id = c.customer_id
                                               AND n.created_at >= c.created_at AND n.created_at <= c.resolved_at + @RepeatWindow
                                               AND (n.created_at > c.created_at OR n.id > c.id))
                             THEN 1 ELSE 0
                   END AS first_contact,
                   (SELECT AVG(CAST(r.score AS FLOAT)) FROM reviews r WHERE r.conversation_id = c.id AND r.score IS NOT NULL) AS qa_score,
                   COALESCE(CASE @Grouping
                        WHEN 1 THEN c.team_id
                        WHEN 2 THEN c.assignee_id
                        WHEN 3 THEN (SELECT CASE cu.tier WHEN 'Free' THEN 0 WHEN 'Starter' THEN 1 WHEN 'Pro' THEN 2 WHEN 'Enterprise' THEN 3 END
                                     FROM customers cu WHERE cu.id = c.customer_id)
                        WHEN 4 THEN (SELECT CASE cu.lifecycle_stage WHEN 'Onboarding' THEN 0 WHEN 'Adoption' THEN 1 WHEN 'Maturity' THEN 2
                                                                    WHEN 'Retention' THEN 3 END
                                     FROM customers cu WHERE cu.id = c.customer_id)
                   END, -1) AS group_key,
                   (c.created_at - @BucketOrigin) / @BucketMs AS bucket
            FROM conversations c
            WHERE c.created_at >= @From AND c.created_at < @To
        ),
        """;

    // Counts and sums, the same for the three splits.
    private const string CountColumns = """
               COUNT(*) AS conversations,
               COUNT(first_contact) AS resolved,
               COALESCE(SUM(first_contact), 0) AS first_contact,
               COALESCE(SUM(repeated), 0) AS repeated,
               COUNT(csat) AS rated,
               AVG(CAST(csat AS FLOAT)) AS csat_average,
               COALESCE(SUM(CASE WHEN csat >= 4 THEN 1 ELSE 0 END), 0) AS satisfied,
               COUNT(sla_met) AS sla_counted,
               COALESCE(SUM(sla_met), 0) AS sla_met,
               COALESCE(SUM(reassigned), 0) AS reassigned,
               COALESCE(SUM(agent_messages), 0) AS agent_messages,
               COALESCE(SUM(template_messages), 0) AS template_messages,
               COALESCE(SUM(edited_template_messages), 0) AS edited_template_messages,
               COUNT(qa_score) AS reviewed,
               AVG(qa_score) AS qa_average,
               COUNT(first_response_ms) AS first_response_n,
               COUNT(resolution_ms) AS resolution_n

        """;

    // Overall, per group (skipped without a grouping) and per bucket, each a plain aggregate over the base rows.
    private const string Counts = """

        (
            SELECT 0 AS dim, -1 AS group_key, 0 AS bucket,
        """ + CountColumns + """
            FROM base
            UNION ALL
            SELECT 1, group_key, 0,
        """ + CountColumns + """
            FROM base WHERE @Grouping <> 0 GROUP BY group_key
            UNION ALL
            SELECT 2, -1, bucket,
        """ + CountColumns + """
            FROM base GROUP BY bucket
        ),
        """;

    // Each duration is ranked among the values of the whole period, of its group and of its bucket, with only that
    // one column in each sort; n, the count of those values, comes from the counts. The median is the middle value
    // (the mean of the two middle ones when n is even); the 90th percentile is the value at rank ceil(0.9 n), which
    // is (9n + 9) / 10 in integer arithmetic: only the rows at those ranks are kept.
    private const string RankedRows = """

        ranked AS (
            SELECT w.dim, w.group_key, w.bucket, w.kind, w.ms, w.position, k.first_response_n AS n
            FROM (SELECT 0 AS dim, -1 AS group_key, 0 AS bucket, 1 AS kind, ms, ROW_NUMBER() OVER (ORDER BY ms) AS position
                  FROM (SELECT first_response_ms AS ms FROM base WHERE first_response_ms IS NOT NULL) d) w
            JOIN counts k ON k.dim = w.dim AND k.group_key = w.group_key AND k.bucket = w.bucket
            WHERE w.position IN ((k.first_response_n + 1) / 2, (k.first_response_n + 2) / 2, (9 * k.first_response_n + 9) / 10)
            UNION ALL
            SELECT w.dim, w.group_key, w.bucket, w.kind, w.ms, w.position, k.first_response_n AS n
            FROM (SELECT 1 AS dim, group_key AS group_key, 0 AS bucket, 1 AS kind, ms, ROW_NUMBER() OVER (PARTITION BY group_key ORDER BY ms) AS position
                  FROM (SELECT group_key, first_response_ms AS ms FROM base WHERE first_response_ms IS NOT NULL AND @Grouping <> 0) d) w
            JOIN counts k ON k.dim = w.dim AND k.group_key = w.group_key AND k.bucket = w.bucket
            WHERE w.position IN ((k.first_response_n + 1) / 2, (k.first_response_n + 2) / 2, (9 * k.first_response_n + 9) / 10)
            UNION ALL
            SELECT w.dim, w.group_key, w.bucket, w.kind, w.ms, w.position, k.first_response_n AS n
            FROM (SELECT 2 AS dim, -1 AS group_key, bucket AS bucket, 1 AS kind, ms, ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY ms) AS position
                  FROM (SELECT bucket, first_response_ms AS ms FROM base WHERE first_response_ms IS NOT NULL) d) w
            JOIN counts k ON k.dim = w.dim AND k.group_key = w.group_key AND k.bucket = w.bucket
            WHERE w.position IN ((k.first_response_n + 1) / 2, (k.first_response_n + 2) / 2, (9 * k.first_response_n + 9) / 10)
            UNION ALL
            SELECT w.dim, w.group_key, w.bucket, w.kind, w.ms, w.position, k.resolution_n AS n
            FROM (SELECT 0 AS dim, -1 AS group_key, 0 AS bucket, 2 AS kind, ms, ROW_NUMBER() OVER (ORDER BY ms) AS position
                  FROM (SELECT resolution_ms AS ms FROM base WHERE resolution_ms IS NOT NULL) d) w
            JOIN counts k ON k.dim = w.dim AND k.group_key = w.group_key AND k.bucket = w.bucket
            WHERE w.position IN ((k.resolution_n + 1) / 2, (k.resolution_n + 2) / 2, (9 * k.resolution_n + 9) / 10)
            UNION ALL
            SELECT w.dim, w.group_key, w.bucket, w.kind, w.ms, w.position, k.resolution_n AS n
            FROM (SELECT 1 AS dim, group_key AS group_key, 0 AS bucket, 2 AS kind, ms, ROW_NUMBER() OVER (PARTITION BY group_key ORDER BY ms) AS position
                  FROM (SELECT group_key, resolution_ms AS ms FROM base WHERE resolution_ms IS NOT NULL AND @Grouping <> 0) d) w
            JOIN counts k ON k.dim = w.dim AND k.group_key = w.group_key AND k.bucket = w.bucket
            WHERE w.position IN ((k.resolution_n + 1) / 2, (k.resolution_n + 2) / 2, (9 * k.resolution_n + 9) / 10)
            UNION ALL
            SELECT w.dim, w.group_key, w.bucket, w.kind, w.ms, w.position, k.resolution_n AS n
            FROM (SELECT 2 AS dim, -1 AS group_key, bucket AS bucket, 2 AS kind, ms, ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY ms) AS position
                  FROM (SELECT bucket, resolution_ms AS ms FROM base WHERE resolution_ms IS NOT NULL) d) w
            JOIN counts k ON k.dim = w.dim AND k.group_key = w.group_key AND k.bucket = w.bucket
            WHERE w.position IN ((k.resolution_n + 1) / 2, (k.resolution_n + 2) / 2, (9 * k.resolution_n + 9) / 10)
        ),
        """;

    private const string PercentileRows = """
        (
            SELECT dim, group_key, bucket, kind,
                   AVG(CASE WHEN position IN ((n + 1) / 2, (n + 2) / 2) THEN CAST(ms AS FLOAT) END) AS median_ms,
                   MAX(CASE WHEN position = (9 * n + 9) / 10 THEN CAST(ms AS FLOAT) END) AS p90_ms
            FROM ranked
            GROUP BY dim, group_key, bucket, kind
        )
        """;

    private const string ReportColumnsSql = """
        SELECT k.*,
               f.median_ms AS first_response_median_ms, f.p90_ms AS first_response_p90_ms,
               r.median_ms AS resolution_median_ms, r.p90_ms AS resolution_p90_ms,
               CASE WHEN k.dim = 1 AND @Grouping = 1 THEN (SELECT t.name FROM teams t WHERE t.id = k.group_key)
                    WHEN k.dim = 1 AND @Grouping = 2 THEN (SELECT u.display_name FROM users u WHERE u.id = k.group_key)
               END AS group_label
        FROM counts k
        LEFT JOIN percentiles f ON f.dim = k.dim AND f.group_key = k.group_key AND f.bucket = k.bucket AND f.kind = 1
        LEFT JOIN percentiles r ON r.dim = k.dim AND r.group_key = k.group_key AND r.bucket = k.bucket AND r.kind = 2
        """;

    // SQLite (3.53 here) would otherwise copy a CTE into every place that reads it, computing each conversation's
    // follow-ups nine times: MATERIALIZED computes base, counts and percentiles once. SQL Server has no such hint.
    private const string ReportSqlite = "WITH base AS MATERIALIZED " + BaseRows + "\ncounts AS MATERIALIZED " + Counts + RankedRows
        + "\npercentiles AS MATERIALIZED " + PercentileRows + "\n" + ReportColumnsSql;

    private const string ReportSqlServer = "WITH base AS " + BaseRows + "\ncounts AS " + Counts + RankedRows
        + "\npercentiles AS " + PercentileRows + "\n" + ReportColumnsSql;

    /// <summary>
    /// Every metric for the conversations opened in [<paramref name="from"/>, <paramref name="to"/>): overall, per
    /// <paramref name="grouping"/> group, and per <paramref name="bucket"/> (every bucket of the period listed,
    /// empty ones with n = 0). An unanswered conversation counts as a missed first-response target once its target
    /// passed before <paramref name="to"/> or, for a period still running, before <paramref name="now"/>: a target later
    /// today is not missed yet.
    /// </summary>
    public async Task<MetricsReport> ReportAsync(DateTimeOffset from, DateTimeOffset to, MetricGrouping grouping, TimeBucket bucket, CancellationToken ct,
        DateTimeOffset? now = null)
    {
        if (to <= from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The period ends after it starts.");
        }
        var (bucketMs, origin) = bucket switch
        {
            TimeBucket.Day => (DayMs, 0L),
            TimeBucket.Week => (WeekMs, FirstMondayMs),
        };
        var rows = await db.ReadAsync(async c => (await c.QueryAsync<Row>(new CommandDefinition(db.Dialect.Pick(ReportSqlite, ReportSqlServer), new
        {
            From = UnixTime.ToMs(from),
            To = UnixTime.ToMs(to),
            SlaAsOf = UnixTime.ToMs(now is { } n && n < to ? n : to),
            Grouping = (int)grouping,
            BucketMs = bucketMs,
            BucketOrigin = origin,
            RepeatWindow = WeekMs,
        }, commandTimeout: 120, cancellationToken: ct))).ToList(), ct);

        var empty = Metrics.Summarize([], to);
        var overall = rows.FirstOrDefault(r => r.Dim == 0 && r.Conversations > 0)?.ToSummary() ?? empty;
        IReadOnlyList<GroupMetrics> groups = grouping == MetricGrouping.None
            ? [new GroupMetrics("", "All conversations", overall)]
            : rows.Where(r => r.Dim == 1)
                .Select(r => (Metrics: new GroupMetrics(Key(grouping, r), Label(grouping, r), r.ToSummary()), Missing: r.Group is null, Rank: Rank(grouping, r)))
                .OrderBy(g => g.Missing)
                .ThenBy(g => g.Rank)
                .ThenBy(g => g.Metrics.Label, StringComparer.Ordinal)
                .ThenBy(g => g.Metrics.Key, StringComparer.Ordinal)
                .Select(g => g.Metrics)
                .ToList();
        var byBucket = rows.Where(r => r.Dim == 2).ToDictionary(r => r.Bucket);
        var series = new List<BucketMetrics>();
        var last = (UnixTime.ToMs(to) - 1 - origin) / bucketMs;
        for (var b = (UnixTime.ToMs(from) - origin) / bucketMs; b <= last; b++)
        {
            var start = DateOnly.FromDateTime(UnixTime.FromMs(b * bucketMs + origin).UtcDateTime);
            series.Add(new BucketMetrics(start, byBucket.TryGetValue(b, out var row) ? row.ToSummary() : empty));
        }
        return new MetricsReport(from, to, grouping, bucket, overall, groups, series);
    }

    // The keys and labels Metrics.GroupBy gives: the team name, the agent id, the tier or stage name; empty for none.
    private static string Key(MetricGrouping grouping, Row row) => row.Group is not { } key ? "" : grouping switch
    {
        MetricGrouping.None => "",
        MetricGrouping.Team => row.GroupLabel ?? "",
        MetricGrouping.Agent => key.ToString(CultureInfo.InvariantCulture),
        MetricGrouping.Tier => ((Tier)key).ToString(),
        MetricGrouping.LifecycleStage => ((LifecycleStage)key).ToString(),
    };

    private static string Label(MetricGrouping grouping, Row row) => grouping switch
    {
        MetricGrouping.None => "All conversations",
        MetricGrouping.Team => row.Group is null ? "No team" : row.GroupLabel ?? "",
        MetricGrouping.Agent => row.Group is not { } id ? "Unassigned" : row.GroupLabel ?? $"Agent {id.ToString(CultureInfo.InvariantCulture)}",
        MetricGrouping.Tier => row.Group is { } tier ? ((Tier)tier).ToString() : "",
        MetricGrouping.LifecycleStage => row.Group is { } stage ? ((LifecycleStage)stage).ToString() : "No stage",
    };

    // Teams and agents by name, tiers and stages in their own order, conversations without one last: as Metrics.GroupBy.
    private static long Rank(MetricGrouping grouping, Row row) => grouping is MetricGrouping.Tier or MetricGrouping.LifecycleStage ? row.Group ?? 0 : 0;

    private sealed class Row
    {
        public long Dim { get; init; }
        public long GroupKey { get; init; }

        /// <summary>The team, agent, tier or stage number; null for conversations without one (-1 in the statement, so rows join on it).</summary>
        public long? Group => GroupKey < 0 ? null : GroupKey;
        public long Bucket { get; init; }
        public string? GroupLabel { get; init; }
        public long? FirstResponseN { get; init; }
        public double? FirstResponseMedianMs { get; init; }
        public double? FirstResponseP90Ms { get; init; }
        public long? ResolutionN { get; init; }
        public double? ResolutionMedianMs { get; init; }
        public double? ResolutionP90Ms { get; init; }
        public long Conversations { get; init; }
        public long Resolved { get; init; }
        public long FirstContact { get; init; }
        public long Repeated { get; init; }
        public long Rated { get; init; }
        public double? CsatAverage { get; init; }
        public long Satisfied { get; init; }
        public long SlaCounted { get; init; }
        public long SlaMet { get; init; }
        public long Reassigned { get; init; }
        public long AgentMessages { get; init; }
        public long TemplateMessages { get; init; }
        public long EditedTemplateMessages { get; init; }
        public long Reviewed { get; init; }
        public double? QaAverage { get; init; }

        public MetricSummary ToSummary() => new(
            Duration(FirstResponseN, FirstResponseMedianMs, FirstResponseP90Ms, 60_000, MetricDefinitions.FirstResponseTime),
            Duration(ResolutionN, ResolutionMedianMs, ResolutionP90Ms, 3_600_000, MetricDefinitions.ResolutionTime),
            Share(FirstContact, Resolved, MetricDefinitions.FirstContactResolution),
            Share(Repeated, Conversations, MetricDefinitions.RepeatContactRate),
            Rated == 0
                ? new CsatMetric(null, null, 0, MetricDefinitions.Csat)
                : new CsatMetric(CsatAverage, (double)Satisfied / Rated, (int)Rated, MetricDefinitions.Csat),
            Share(SlaMet, SlaCounted, MetricDefinitions.SlaAttainment),
            Share(Reassigned, Conversations, MetricDefinitions.ReassignmentRate),
            Share(TemplateMessages, AgentMessages, MetricDefinitions.TemplateUsageRate),
            Share(EditedTemplateMessages, TemplateMessages, MetricDefinitions.TemplateEditRate),
            new MetricValue(Reviewed == 0 ? null : QaAverage, (int)Reviewed, MetricDefinitions.QaScore));

        private static DurationMetric Duration(long? n, double? medianMs, double? p90Ms, double unitMs, string definition) =>
            n is null or 0
                ? new DurationMetric(null, null, 0, definition)
                : new DurationMetric(medianMs / unitMs, p90Ms / unitMs, (int)n, definition);

        private static MetricValue Share(long hits, long n, string definition) => new(n == 0 ? null : (double)hits / n, (int)n, definition);
    }
}
