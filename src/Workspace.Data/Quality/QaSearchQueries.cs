using Dapper;
using Workspace.Data.Conversations;
using Workspace.Data.Database;
using Workspace.Domain.Conversations;

namespace Workspace.Data.Quality;

/// <summary>
/// The QA reviewer's conversation search: optional filters that all apply, full-text search with the
/// database's own index, a whitelisted sort, and one page with the total count.
/// </summary>
public sealed class QaSearchQueries(Db db)
{
    /// <summary>
    /// Text search considers at most this many matching conversations (the newest), so a very common word
    /// costs a bounded amount of work; the total count is then at most this.
    /// </summary>
    public const int MaxTextMatches = 10_000;

    // The counter the repository keeps as it stores each event (see ConversationCounters), so the filter never reads
    // a conversation's events. Template replies are counted for the listed page only, agents' and automated alike,
    // matching what the template filter finds.
    private const string ReassignedExpression = """
        CASE WHEN c.reassignments > 0 THEN 1 ELSE 0 END
        """;

    private const string RowColumnsSql = """
        SELECT c.id AS conversation_id, cu.external_id AS customer_external_id, cu.name AS customer_name, c.subject, c.channel,
               c.status, c.priority, t.name AS team_name, u.display_name AS assignee_name, c.created_at, c.first_response_at,
               c.resolved_at, c.csat,
               CASE WHEN c.first_response_at IS NOT NULL AND c.sla_first_response_due_at IS NOT NULL
                         THEN CASE WHEN c.first_response_at <= c.sla_first_response_due_at THEN 1 ELSE 0 END
                    WHEN c.first_response_at IS NULL AND c.sla_first_response_due_at < @Now THEN 0
               END AS sla_met,
               rd.rule_name,
        """ + ReassignedExpression + """
         AS reassigned,
               (SELECT COUNT(*) FROM messages tm WHERE tm.conversation_id = c.id AND tm.template_key IS NOT NULL) AS templates_used
        FROM conversations c
        JOIN customers cu ON cu.id = c.customer_id
        LEFT JOIN teams t ON t.id = c.team_id
        LEFT JOIN users u ON u.id = c.assignee_id
        LEFT JOIN routing_decisions rd ON rd.conversation_id = c.id
        """;

    private const string CountFromSql = """
        SELECT COUNT(*)
        FROM conversations c
        JOIN customers cu ON cu.id = c.customer_id
        """;

    // Shared by both dialects and by the page and count statements, so the total always counts what the pages
    // list. Every criterion is a fixed optional parameter: NULL turns it off. Lifecycle stage is the stage the
    // customer's own system declared (customers.lifecycle_stage), not one inferred from their activity: that is
    // the stage a reviewer can check against the customer record, and it is NULL for customers who never sent one.
    private const string FilterClause = """

        WHERE (@From IS NULL OR c.created_at >= @From)
          AND (@To IS NULL OR c.created_at < @To)
          AND (@TeamId IS NULL OR c.team_id = @TeamId)
          AND (@AssigneeId IS NULL OR c.assignee_id = @AssigneeId)
          AND (@Tier IS NULL OR cu.tier = @Tier)
          AND (@LifecycleStage IS NULL OR cu.lifecycle_stage = @LifecycleStage)
          AND (@Status IS NULL OR c.status = @Status)
          AND (@Csat IS NULL OR c.csat = @Csat)
          AND (@CsatAtMost IS NULL OR c.csat <= @CsatAtMost)
          AND (@Priority IS NULL OR c.priority = @Priority)
          AND (@SlaMet IS NULL
               OR (@SlaMet = 1 AND c.first_response_at <= c.sla_first_response_due_at)
               OR (@SlaMet = 0 AND (c.first_response_at > c.sla_first_response_due_at
                                    OR (c.first_response_at IS NULL AND c.sla_first_response_due_at < @Now))))
          AND (@TemplateKey IS NULL OR EXISTS (SELECT 1 FROM messages tm
                                               WHERE tm.conversation_id = c.id AND tm.template_key = @TemplateKey
                                                 AND (@TemplateVersion IS NULL OR tm.template_version = @TemplateVersion)))
          AND (@RuleId IS NULL OR EXISTS (SELECT 1 FROM routing_decisions d WHERE d.conversation_id = c.id AND d.rule_id = @RuleId))
          AND (@Review IS NULL
               OR (@Review = 'NotReviewed' AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.conversation_id = c.id))
               OR (@Review = 'Reviewed' AND EXISTS (SELECT 1 FROM reviews r WHERE r.conversation_id = c.id))
               OR (@Review = 'FlaggedWrongRouting' AND EXISTS (SELECT 1 FROM reviews r
                                                               WHERE r.conversation_id = c.id AND r.wrong_routing_team_id IS NOT NULL))
               OR (@Review = 'FlaggedMisfit' AND EXISTS (SELECT 1 FROM reviews r JOIN review_template_misfits f ON f.review_id = r.id
                                                         WHERE r.conversation_id = c.id
                                                           AND (@TemplateKey IS NULL OR f.template_key = @TemplateKey)
                                                           AND (@TemplateVersion IS NULL OR f.template_version = @TemplateVersion))))
          AND (@Reassigned IS NULL OR @Reassigned =
        """ + ReassignedExpression + ")";

    // The matching conversations come from the full-text index (never from reading messages), newest first and
    // at most @TextCap of them: MessageSearch's own matching statements.
    private const string SqliteTextMatch = "\n  AND (@Match IS NULL OR c.id IN (\n" + MessageSearch.MatchingConversationsSqlite + "))";
    private const string SqlServerTextMatch = "\n  AND (@Prefix IS NULL OR c.id IN (\n" + MessageSearch.MatchingConversationsSqlServer + "))";

    private const string NewestOrder = "\nORDER BY c.created_at DESC, c.id DESC";
    private const string OldestOrder = "\nORDER BY c.created_at, c.id";
    private const string PriorityOrder = "\nORDER BY c.priority, c.created_at, c.id";
    private const string CsatOrder = "\nORDER BY CASE WHEN c.csat IS NULL THEN 1 ELSE 0 END, c.csat, c.created_at DESC, c.id DESC";
    private const string FirstResponseOrder =
        "\nORDER BY CASE WHEN c.first_response_at IS NULL THEN 1 ELSE 0 END, c.first_response_at - c.created_at DESC, c.id DESC";

    private const string SqlitePage = "\nLIMIT @Take OFFSET @Skip";
    private const string SqlServerPage = "\nOFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";

    // With optional criteria a cached SQL Server plan would be built for whichever filters came first; compiling
    // per search lets it drop the unused ones and seek on the given ones, at a compile cost small beside a search.
    private const string SqlServerPerSearchPlan = "\nOPTION (RECOMPILE)";

    private const string CountSqlite = CountFromSql + FilterClause + SqliteTextMatch;
    private const string CountSqlServer = CountFromSql + FilterClause + SqlServerTextMatch + SqlServerPerSearchPlan;

    private const string PageSqlite = RowColumnsSql + FilterClause + SqliteTextMatch;
    private const string PageSqlServer = RowColumnsSql + FilterClause + SqlServerTextMatch;

    private const string NewestSqlite = PageSqlite + NewestOrder + SqlitePage;
    private const string NewestSqlServer = PageSqlServer + NewestOrder + SqlServerPage + SqlServerPerSearchPlan;
    private const string OldestSqlite = PageSqlite + OldestOrder + SqlitePage;
    private const string OldestSqlServer = PageSqlServer + OldestOrder + SqlServerPage + SqlServerPerSearchPlan;
    private const string PrioritySqlite = PageSqlite + PriorityOrder + SqlitePage;
    private const string PrioritySqlServer = PageSqlServer + PriorityOrder + SqlServerPage + SqlServerPerSearchPlan;
    private const string CsatSqlite = PageSqlite + CsatOrder + SqlitePage;
    private const string CsatSqlServer = PageSqlServer + CsatOrder + SqlServerPage + SqlServerPerSearchPlan;
    private const string FirstResponseSqlite = PageSqlite + FirstResponseOrder + SqlitePage;
    private const string FirstResponseSqlServer = PageSqlServer + FirstResponseOrder + SqlServerPage + SqlServerPerSearchPlan;

    private string PageStatement(QaSort sort) => sort switch
    {
        QaSort.Newest => db.Dialect.Pick(NewestSqlite, NewestSqlServer),
        QaSort.Oldest => db.Dialect.Pick(OldestSqlite, OldestSqlServer),
        QaSort.Priority => db.Dialect.Pick(PrioritySqlite, PrioritySqlServer),
        QaSort.Csat => db.Dialect.Pick(CsatSqlite, CsatSqlServer),
        QaSort.FirstResponse => db.Dialect.Pick(FirstResponseSqlite, FirstResponseSqlServer),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Not a QA sort."),
    };

    /// <summary>
    /// One page (<paramref name="skip"/>, <paramref name="take"/>) of the conversations matching every given
    /// criterion in <paramref name="sort"/> order, and how many match in all. <paramref name="now"/> decides
    /// whether an unanswered conversation has already missed its first-response target. Text without any
    /// searchable word matches nothing.
    /// </summary>
    public async Task<(IReadOnlyList<QaSearchRow> Rows, int Total)> SearchAsync(
        QaSearchFilter filter, QaSort sort, int skip, int take, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        ValidateRating(filter.Csat, nameof(filter.Csat));
        ValidateRating(filter.CsatAtMost, nameof(filter.CsatAtMost));
        var statement = PageStatement(sort);
        var terms = SearchTerms.Query(filter.Text);
        if (!string.IsNullOrWhiteSpace(filter.Text) && terms.Count == 0)
        {
            return ([], 0);
        }
        var parameters = Parameters(filter, terms, now, skip, take);
        return await db.ReadAsync(async c =>
        {
            var total = await c.ExecuteScalarAsync<int>(new CommandDefinition(db.Dialect.Pick(CountSqlite, CountSqlServer), parameters, cancellationToken: ct));
            if (total <= skip)
            {
                return ((IReadOnlyList<QaSearchRow>)[], total);
            }
            var rows = await c.QueryAsync<Row>(new CommandDefinition(statement, parameters, cancellationToken: ct));
            return ((IReadOnlyList<QaSearchRow>)rows.Select(r => r.ToRow()).ToList(), total);
        }, ct);
    }

    private static void ValidateRating(int? rating, string name)
    {
        if (rating is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(name, rating, "A CSAT rating is 1 to 5.");
        }
    }

    private DynamicParameters Parameters(QaSearchFilter filter, IReadOnlyList<string> terms, DateTimeOffset now, int skip, int take)
    {
        var parameters = new DynamicParameters(new
        {
            From = UnixTime.ToMs(filter.From),
            To = UnixTime.ToMs(filter.To),
            filter.TeamId,
            filter.AssigneeId,
            Tier = filter.Tier?.ToString(),
            LifecycleStage = filter.LifecycleStage?.ToString(),
            Status = filter.Status?.ToString(),
            filter.Csat,
            filter.CsatAtMost,
            Priority = (int?)filter.Priority,
            SlaMet = filter.SlaMet is { } met ? (met ? 1 : 0) : (int?)null,
            filter.TemplateKey,
            filter.TemplateVersion,
            filter.RuleId,
            Reassigned = filter.Reassigned is { } reassigned ? (reassigned ? 1 : 0) : (int?)null,
            Review = filter.Review?.ToString(),
            Now = UnixTime.ToMs(now),
            TextCap = MaxTextMatches,
            Skip = skip,
            Take = take,
        });
        MessageSearch.AddTextParameters(parameters, db.Dialect, terms);
        return parameters;
    }

    private sealed class Row
    {
        public long ConversationId { get; init; }
        public string CustomerExternalId { get; init; } = "";
        public string CustomerName { get; init; } = "";
        public string? Subject { get; init; }
        public string Channel { get; init; } = "";
        public string Status { get; init; } = "";
        public int Priority { get; init; }
        public string? TeamName { get; init; }
        public string? AssigneeName { get; init; }
        public long CreatedAt { get; init; }
        public long? FirstResponseAt { get; init; }
        public long? ResolvedAt { get; init; }
        public int? Csat { get; init; }
        public int? SlaMet { get; init; }
        public string? RuleName { get; init; }
        public int Reassigned { get; init; }
        public int TemplatesUsed { get; init; }

        public QaSearchRow ToRow() => new(
            ConversationId, CustomerExternalId, CustomerName, Subject, Enum.Parse<Channel>(Channel), Enum.Parse<ConversationStatus>(Status),
            (Priority)Priority, TeamName, AssigneeName, UnixTime.FromMs(CreatedAt), UnixTime.FromMs(FirstResponseAt), UnixTime.FromMs(ResolvedAt),
            Csat, SlaMet is { } met ? met == 1 : null, RuleName, Reassigned == 1, TemplatesUsed);
    }
}
