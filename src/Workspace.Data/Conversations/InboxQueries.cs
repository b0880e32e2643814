using Dapper;
using Workspace.Data.Database;

namespace Workspace.Data.Conversations;

/// <summary>
/// The inbox lists, most urgent first: by priority, then the customer who has waited longest, then the
/// oldest. Agents see their own teams; leads and admins see every team (<c>allTeams</c>).
/// Resolved conversations never appear; snoozed ones only in the owner's own list.
/// </summary>
public sealed class InboxQueries(Db db)
{
    private const string ListOrderedSql = ConversationRepository.ConversationColumnsSql + """

        WHERE c.status IN ('Open', 'Pending', 'Snoozed')
          AND (@AllTeams = 1 OR c.assignee_id = @UserId OR c.team_id IN (SELECT m.team_id FROM team_members m WHERE m.user_id = @UserId))
          AND (
                (@View = 'Mine' AND c.assignee_id = @UserId)
             OR (@View = 'Team' AND c.status <> 'Snoozed' AND c.team_id IN (SELECT m.team_id FROM team_members m WHERE m.user_id = @UserId))
             OR (@View = 'Unassigned' AND c.status <> 'Snoozed' AND c.assignee_id IS NULL)
             OR (@View = 'All' AND @AllTeams = 1 AND c.status <> 'Snoozed'))
        ORDER BY CASE c.status WHEN 'Snoozed' THEN 1 ELSE 0 END, c.priority,
                 CASE WHEN c.waiting_since IS NULL THEN 1 ELSE 0 END, c.waiting_since, c.created_at, c.id
        """;
    private const string ListSqlite = ListOrderedSql + Paging.SqliteFirstRows;
    private const string ListSqlServer = ListOrderedSql + Paging.SqlServerFirstRows;

    public Task<IReadOnlyList<ConversationRecord>> ListAsync(InboxView view, long userId, bool allTeams, int take, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<ConversationRecord>>(async c =>
            (await c.QueryAsync<ConversationRepository.ConversationRow>(new CommandDefinition(db.Dialect.Pick(ListSqlite, ListSqlServer),
                new { View = view.ToString(), UserId = userId, AllTeams = allTeams ? 1 : 0, Take = take }, cancellationToken: ct)))
            .Select(r => r.ToRecord()).ToList(), ct);

    // The user's teams are joined rather than sub-queried inside SUM: SQL Server refuses a subquery in an aggregate.
    private const string CountsSql = """
        SELECT
            COALESCE(SUM(CASE WHEN c.assignee_id = @UserId THEN 1 ELSE 0 END), 0) AS mine,
            COALESCE(SUM(CASE WHEN c.status <> 'Snoozed' AND mt.team_id IS NOT NULL THEN 1 ELSE 0 END), 0) AS team,
            COALESCE(SUM(CASE WHEN c.status <> 'Snoozed' AND c.assignee_id IS NULL THEN 1 ELSE 0 END), 0) AS unassigned,
            COALESCE(SUM(CASE WHEN c.status <> 'Snoozed' AND @AllTeams = 1 THEN 1 ELSE 0 END), 0) AS all_open
        FROM conversations c
        LEFT JOIN (SELECT m.team_id FROM team_members m WHERE m.user_id = @UserId) mt ON mt.team_id = c.team_id
        WHERE c.status IN ('Open', 'Pending', 'Snoozed')
          AND (@AllTeams = 1 OR c.assignee_id = @UserId OR mt.team_id IS NOT NULL)
        """;

    public Task<InboxCounts> CountsAsync(long userId, bool allTeams, CancellationToken ct) =>
        db.ReadAsync(async c =>
        {
            var row = await c.QuerySingleAsync<CountsRow>(new CommandDefinition(CountsSql, new { UserId = userId, AllTeams = allTeams ? 1 : 0 }, cancellationToken: ct));
            return new InboxCounts((int)row.Mine, (int)row.Team, (int)row.Unassigned, (int)row.AllOpen);
        }, ct);

    private const string TeamsOfUserSql = """
        SELECT team_id FROM team_members WHERE user_id = @UserId
        """;

    public Task<IReadOnlyList<long>> TeamsOfAsync(long userId, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<long>>(async c =>
            (await c.QueryAsync<long>(new CommandDefinition(TeamsOfUserSql, new { UserId = userId }, cancellationToken: ct))).ToList(), ct);

    private sealed class CountsRow
    {
        public long Mine { get; init; }
        public long Team { get; init; }
        public long Unassigned { get; init; }
        public long AllOpen { get; init; }
    }
}
