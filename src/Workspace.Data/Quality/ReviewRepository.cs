using Dapper;
using Workspace.Data.Audit;
using Workspace.Data.Database;
using Workspace.Domain.Quality;
using Workspace.Domain.Routing;

namespace Workspace.Data.Quality;

/// <summary>
/// Reviews of conversations (one per conversation per reviewer, replaced when the reviewer saves again) with their
/// template-misfit flags, and what a reviewer looks at beside the scorecard: the automatic checks' facts, the
/// template versions used, and the conversations the review queue samples from.
/// </summary>
public sealed class ReviewRepository(Db db)
{
    private const string ConversationAssigneeSql = """
        SELECT assignee_id FROM conversations WHERE id = @Id
        """;
    private const string ConversationExistsSql = """
        SELECT COUNT(*) FROM conversations WHERE id = @Id
        """;
    private const string ExistingReviewSqlite = """
        SELECT id FROM reviews WHERE conversation_id = @ConversationId AND reviewer_id = @ReviewerId
        """;
    // Held until commit, so two saves of the same reviewer's review queue up instead of both inserting.
    private const string ExistingReviewSqlServer = """
        SELECT id FROM reviews WITH (UPDLOCK, HOLDLOCK) WHERE conversation_id = @ConversationId AND reviewer_id = @ReviewerId
        """;
    private const string InsertReviewSqlite = """
        INSERT INTO reviews (conversation_id, reviewer_id, agent_id, scorecard_key, scorecard_version, answers, comment, score,
            wrong_routing_team_id, wrong_routing_note, created_at, updated_at)
        VALUES (@ConversationId, @ReviewerId, @AgentId, @ScorecardKey, @ScorecardVersion, @Answers, @Comment, @Score,
            @WrongRoutingTeamId, @WrongRoutingNote, @Now, @Now)
        RETURNING id
        """;
    private const string InsertReviewSqlServer = """
        INSERT INTO reviews (conversation_id, reviewer_id, agent_id, scorecard_key, scorecard_version, answers, comment, score,
            wrong_routing_team_id, wrong_routing_note, created_at, updated_at)
        OUTPUT INSERTED.id
        VALUES (@ConversationId, @ReviewerId, @AgentId, @ScorecardKey, @ScorecardVersion, @Answers, @Comment, @Score,
            @WrongRoutingTeamId, @WrongRoutingNote, @Now, @Now)
        """;
    private const string UpdateReviewSql = """
        UPDATE reviews SET agent_id = @AgentId, scorecard_key = @ScorecardKey, scorecard_version = @ScorecardVersion, answers = @Answers,
            comment = @Comment, score = @Score, wrong_routing_team_id = @WrongRoutingTeamId, wrong_routing_note = @WrongRoutingNote,
            updated_at = @Now
        WHERE id = @Id
        """;
    private const string DeleteMisfitsSql = """
        DELETE FROM review_template_misfits WHERE review_id = @ReviewId
        """;
    private const string InsertMisfitSql = """
        INSERT INTO review_template_misfits (review_id, template_key, template_version, note) VALUES (@ReviewId, @TemplateKey, @TemplateVersion, @Note)
        """;

    /// <summary>
    /// Stores the reviewer's review of the conversation, replacing their earlier one with its flags, in one transaction
    /// with its audit entry: all of it is stored, or none. The agent reviewed is the conversation's assignee now.
    /// </summary>
    public Task<ReviewSaveOutcome> SaveAsync(ReviewToSave review, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<int>(new CommandDefinition(ConversationExistsSql, new { Id = review.ConversationId }, t, cancellationToken: ct)) == 0)
            {
                return new ReviewSaveOutcome(null, false, $"Conversation {review.ConversationId} does not exist.");
            }
            var agentId = await c.ExecuteScalarAsync<long?>(new CommandDefinition(ConversationAssigneeSql, new { Id = review.ConversationId }, t, cancellationToken: ct));
            var existing = await c.ExecuteScalarAsync<long?>(new CommandDefinition(db.Dialect.Pick(ExistingReviewSqlite, ExistingReviewSqlServer),
                new { review.ConversationId, review.ReviewerId }, t, cancellationToken: ct));
            var wrongRouting = review.Input.Flags.OfType<WrongRouting>().FirstOrDefault();
            var parameters = new
            {
                Id = existing ?? 0,
                review.ConversationId,
                review.ReviewerId,
                AgentId = agentId,
                review.ScorecardKey,
                review.ScorecardVersion,
                Answers = RoutingJson.Write(review.Input.Answers.Select(a => a with { Comment = Trimmed(a.Comment) }).ToList()),
                Comment = Trimmed(review.Input.Comment),
                Score = review.Score is { } score ? (double)score : (double?)null,
                WrongRoutingTeamId = wrongRouting is null ? null : review.WrongRoutingTeamId,
                WrongRoutingNote = Trimmed(wrongRouting?.Note),
                Now = UnixTime.ToMs(now),
            };
            long id;
            if (existing is { } found)
            {
                await c.ExecuteAsync(new CommandDefinition(UpdateReviewSql, parameters, t, cancellationToken: ct));
                await c.ExecuteAsync(new CommandDefinition(DeleteMisfitsSql, new { ReviewId = found }, t, cancellationToken: ct));
                id = found;
            }
            else
            {
                id = await c.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Pick(InsertReviewSqlite, InsertReviewSqlServer), parameters, t, cancellationToken: ct));
            }
            var misfits = review.Input.Flags.OfType<TemplateMisfit>().ToList();
            foreach (var misfit in misfits)
            {
                await c.ExecuteAsync(new CommandDefinition(InsertMisfitSql,
                    new { ReviewId = id, TemplateKey = misfit.TemplateKey.Trim(), misfit.TemplateVersion, Note = Trimmed(misfit.Note) }, t, cancellationToken: ct));
            }
            await AuditLog.AppendAsync(c, t, actor, existing is null ? "review.created" : "review.replaced", $"conversation {review.ConversationId}", new
            {
                reviewId = id,
                scorecard = review.ScorecardKey,
                version = review.ScorecardVersion,
                score = review.Score,
                agentId,
                wrongRoutingTeamId = parameters.WrongRoutingTeamId,
                misfits = misfits.Select(m => $"{m.TemplateKey} v{m.TemplateVersion}"),
            }, now, ct);
            return new ReviewSaveOutcome(id, existing is not null, null);
        }, ct);

    private const string ReviewsSql = """
        SELECT r.id, r.conversation_id, r.reviewer_id, u.display_name AS reviewer_name, r.agent_id, r.scorecard_key, r.scorecard_version,
               r.answers, r.comment, r.score, r.wrong_routing_team_id, t.name AS wrong_routing_team_name, r.wrong_routing_note,
               r.created_at, r.updated_at
        FROM reviews r
        JOIN users u ON u.id = r.reviewer_id
        LEFT JOIN teams t ON t.id = r.wrong_routing_team_id
        WHERE r.conversation_id = @ConversationId
        ORDER BY r.updated_at DESC, r.id DESC
        """;
    private const string MisfitsSql = """
        SELECT m.review_id, m.template_key, m.template_version, m.note
        FROM review_template_misfits m
        JOIN reviews r ON r.id = m.review_id
        WHERE r.conversation_id = @ConversationId
        ORDER BY m.template_key, m.template_version
        """;

    /// <summary>Every review of the conversation, most recently saved first, with reviewer names and flags.</summary>
    public Task<IReadOnlyList<ReviewRecord>> ForConversationAsync(long conversationId, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<ReviewRecord>>(async c =>
        {
            var rows = (await c.QueryAsync<ReviewRow>(new CommandDefinition(ReviewsSql, new { ConversationId = conversationId }, cancellationToken: ct))).ToList();
            var misfits = (await c.QueryAsync<MisfitRow>(new CommandDefinition(MisfitsSql, new { ConversationId = conversationId }, cancellationToken: ct)))
                .ToLookup(m => m.ReviewId);
            return rows.Select(r => r.ToRecord(misfits[r.Id].Select(m => new TemplateMisfit(m.TemplateKey, m.TemplateVersion, m.Note)).ToList())).ToList();
        }, ct);

    // "Context signals in view" is not recorded as such. The agent view always shows the customer's context panel
    // beside the conversation, so what decides whether it held any signals is whether the customer was identified and
    // had product events or transactions recorded by the time of the first agent reply; an anonymous visitor's panel,
    // or one with no data yet, shows nothing to personalise with.
    private const string FactsSql = """
        SELECT c.created_at, c.first_response_at, c.resolved_at, c.sla_first_response_due_at, c.csat,
               CASE WHEN c.assignee_id IS NOT NULL OR c.assigned_at IS NOT NULL OR c.reassignments > 0 THEN 1 ELSE 0 END AS assigned,
               c.reassignments, c.agent_messages, c.template_messages,
               CASE WHEN cu.anonymous = 0 AND c.first_response_at IS NOT NULL
                         AND (EXISTS (SELECT 1 FROM customer_events e WHERE e.customer_id = c.customer_id AND e.occurred_at <= c.first_response_at)
                              OR EXISTS (SELECT 1 FROM transactions x WHERE x.customer_id = c.customer_id AND x.occurred_at <= c.first_response_at))
                    THEN 1 ELSE 0 END AS signal_shown
        FROM conversations c
        JOIN customers cu ON cu.id = c.customer_id
        WHERE c.id = @Id
        """;

    /// <summary>What the automatic checks need to know about the conversation; null when it does not exist. See <see cref="SignalShownMeaning"/>.</summary>
    public Task<ReviewedConversationFacts?> FactsAsync(long conversationId, CancellationToken ct) =>
        db.ReadAsync(async c => (await c.QuerySingleOrDefaultAsync<FactsRow>(new CommandDefinition(FactsSql, new { Id = conversationId }, cancellationToken: ct)))?.ToFacts(), ct);

    /// <summary>How "context signals in view" is read from what is stored, for the reviewer to see beside the check.</summary>
    public const string SignalShownMeaning =
        "Context signals count as in view when the customer was identified (not an anonymous visitor) and had product events or transactions recorded before the first agent reply: the agent view always shows that customer's context panel beside the conversation.";

    private const string TemplatesUsedSql = """
        SELECT template_key, template_version, COUNT(*) AS uses
        FROM messages
        WHERE conversation_id = @Id AND author_kind IN ('Agent', 'System') AND template_key IS NOT NULL AND template_version IS NOT NULL
        GROUP BY template_key, template_version
        ORDER BY template_key, template_version
        """;

    /// <summary>The template versions sent in the conversation, by agents or automation: the ones a misfit flag may name.</summary>
    public Task<IReadOnlyList<ReviewTemplateUse>> TemplatesUsedAsync(long conversationId, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<ReviewTemplateUse>>(async c =>
            (await c.QueryAsync<TemplateUseRow>(new CommandDefinition(TemplatesUsedSql, new { Id = conversationId }, cancellationToken: ct)))
                .Select(r => new ReviewTemplateUse(r.TemplateKey, r.TemplateVersion, r.Uses)).ToList(), ct);

    private const string RepliedSql = """
        SELECT CASE WHEN EXISTS (SELECT 1 FROM messages
                                 WHERE conversation_id = @Id AND author_user_id = @UserId AND author_kind = 'Agent') THEN 1 ELSE 0 END
        """;

    /// <summary>Whether this staff member replied to the customer in the conversation (whoever holds it now).</summary>
    public Task<bool> RepliedAsync(long conversationId, long userId, CancellationToken ct) =>
        db.ReadAsync(async c => await c.ExecuteScalarAsync<int>(new CommandDefinition(RepliedSql, new { Id = conversationId, UserId = userId }, cancellationToken: ct)) == 1, ct);

    // A range of ix_conversations_resolved: only the conversations resolved in the period are read. resolved_at is set
    // exactly while a conversation is resolved (reopening clears it), so it alone says so; a status condition here
    // would tempt the planner onto the status index, where nearly every row is 'Resolved'.
    private const string QueueCandidatesSql = """
        SELECT c.id AS conversation_id, c.assignee_id AS agent_id, c.resolved_at, c.subject,
               CASE WHEN EXISTS (SELECT 1 FROM reviews r WHERE r.conversation_id = c.id) THEN 1 ELSE 0 END AS reviewed
        FROM conversations c
        WHERE c.resolved_at >= @From AND c.resolved_at < @To AND c.assignee_id IS NOT NULL
        """;

    /// <summary>Resolved conversations with an assignee, resolved in [<paramref name="from"/>, <paramref name="to"/>), reviewed by anyone or not.</summary>
    public Task<IReadOnlyList<ReviewQueueCandidate>> QueueCandidatesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<ReviewQueueCandidate>>(async c =>
            (await c.QueryAsync<CandidateRow>(new CommandDefinition(QueueCandidatesSql, new { From = UnixTime.ToMs(from), To = UnixTime.ToMs(to) }, cancellationToken: ct)))
                .Select(r => new ReviewQueueCandidate(new QueueCandidate(r.ConversationId, r.AgentId, UnixTime.FromMs(r.ResolvedAt), r.Reviewed), r.Subject)).ToList(), ct);

    private static string? Trimmed(string? text) => text?.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    private sealed class ReviewRow
    {
        public long Id { get; init; }
        public long ConversationId { get; init; }
        public long ReviewerId { get; init; }
        public string ReviewerName { get; init; } = "";
        public long? AgentId { get; init; }
        public string ScorecardKey { get; init; } = "";
        public int ScorecardVersion { get; init; }
        public string Answers { get; init; } = "[]";
        public string? Comment { get; init; }
        public double? Score { get; init; }
        public long? WrongRoutingTeamId { get; init; }
        public string? WrongRoutingTeamName { get; init; }
        public string? WrongRoutingNote { get; init; }
        public long CreatedAt { get; init; }
        public long UpdatedAt { get; init; }

        public ReviewRecord ToRecord(IReadOnlyList<TemplateMisfit> misfits) =>
            new(Id, ConversationId, ReviewerId, ReviewerName, AgentId, ScorecardKey, ScorecardVersion, RoutingJson.Read<List<CriterionAnswer>>(Answers), Comment,
                Score is { } s ? decimal.Round((decimal)s, 1) : null, WrongRoutingTeamId, WrongRoutingTeamName, WrongRoutingNote, misfits,
                UnixTime.FromMs(CreatedAt), UnixTime.FromMs(UpdatedAt));
    }

    private sealed class MisfitRow
    {
        public long ReviewId { get; init; }
        public string TemplateKey { get; init; } = "";
        public int TemplateVersion { get; init; }
        public string? Note { get; init; }
    }

    private sealed class FactsRow
    {
        public long CreatedAt { get; init; }
        public long? FirstResponseAt { get; init; }
        public long? ResolvedAt { get; init; }
        public long? SlaFirstResponseDueAt { get; init; }
        public int? Csat { get; init; }
        public bool Assigned { get; init; }
        public int Reassignments { get; init; }
        public int AgentMessages { get; init; }
        public int TemplateMessages { get; init; }
        public bool SignalShown { get; init; }

        public ReviewedConversationFacts ToFacts() =>
            new(UnixTime.FromMs(CreatedAt), UnixTime.FromMs(FirstResponseAt), UnixTime.FromMs(ResolvedAt), UnixTime.FromMs(SlaFirstResponseDueAt), Csat,
                Assigned, Reassignments, AgentMessages, TemplateMessages > 0, SignalShown);
    }

    private sealed class TemplateUseRow
    {
        public string TemplateKey { get; init; } = "";
        public int TemplateVersion { get; init; }
        public int Uses { get; init; }
    }

    private sealed class CandidateRow
    {
        public long ConversationId { get; init; }
        public long AgentId { get; init; }
        public long ResolvedAt { get; init; }
        public string? Subject { get; init; }
        public bool Reviewed { get; init; }
    }
}
