using System.Data.Common;
using Dapper;
using Workspace.Data.Database;
using Workspace.Domain.Staff;

namespace Workspace.Data.Teams;

/// <summary>Teams, their agents, skills, capacity and presence.</summary>
public sealed class TeamRepository(Db db)
{
    private const string TeamsSql = """
        SELECT id, name FROM teams ORDER BY name
        """;

    public Task<IReadOnlyList<Team>> ListTeamsAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<Team>>(async c =>
            (await c.QueryAsync<Team>(new CommandDefinition(TeamsSql, cancellationToken: ct))).ToList(), ct);

    private const string SkillsSql = """
        SELECT name FROM skills ORDER BY name
        """;

    public Task<IReadOnlyList<string>> ListSkillsAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<string>>(async c => (await c.QueryAsync<string>(new CommandDefinition(SkillsSql, cancellationToken: ct))).ToList(), ct);

    private const string TeamByNameSql = """
        SELECT id, name FROM teams WHERE name = @Name
        """;

    public Task<Team?> FindTeamAsync(string name, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<Team>(new CommandDefinition(TeamByNameSql, new { Name = name }, cancellationToken: ct)), ct);

    private const string AgentsOrderedSql = """
        SELECT a.user_id, u.display_name AS name, u.email, a.capacity, a.presence, a.presence_changed_at, a.last_assigned_at,
               (SELECT COUNT(*) FROM conversations c WHERE c.assignee_id = a.user_id AND c.status <> 'Resolved') AS open_conversations
        FROM agents a JOIN users u ON u.id = a.user_id
        WHERE u.is_disabled = 0
        ORDER BY u.display_name
        """;
    // Assignment holds the agents' rows until it commits, so two assignments (or a claim) never both see the last free seat.
    private const string AgentsLockedSqlServer = """
        SELECT a.user_id, u.display_name AS name, u.email, a.capacity, a.presence, a.presence_changed_at, a.last_assigned_at,
               (SELECT COUNT(*) FROM conversations c WHERE c.assignee_id = a.user_id AND c.status <> 'Resolved') AS open_conversations
        FROM agents a WITH (UPDLOCK, HOLDLOCK) JOIN users u ON u.id = a.user_id
        WHERE u.is_disabled = 0
        ORDER BY u.display_name
        """;
    private const string MembershipsSql = """
        SELECT user_id, team_id FROM team_members
        """;
    private const string AgentSkillsSql = """
        SELECT s.user_id, k.name FROM agent_skills s JOIN skills k ON k.id = s.skill_id
        """;

    public Task<IReadOnlyList<AgentRecord>> ListAgentsAsync(CancellationToken ct) =>
        db.ReadAsync(c => ListAgentsAsync(c, null, AgentsOrderedSql, ct), ct);

    /// <summary>Every enabled agent with teams, skills and load, read inside a write that assigns (locked on SQL Server).</summary>
    public static Task<IReadOnlyList<AgentRecord>> ListAgentsForAssignmentAsync(DbConnection c, DbTransaction t, ISqlDialect dialect, CancellationToken ct) =>
        ListAgentsAsync(c, t, dialect.Pick(AgentsOrderedSql, AgentsLockedSqlServer), ct);

    private static async Task<IReadOnlyList<AgentRecord>> ListAgentsAsync(DbConnection c, DbTransaction? t, string agentsSql, CancellationToken ct)
    {
        var agents = await c.QueryAsync<AgentRow>(new CommandDefinition(agentsSql, transaction: t, cancellationToken: ct));
        var teams = (await c.QueryAsync<MembershipRow>(new CommandDefinition(MembershipsSql, transaction: t, cancellationToken: ct))).ToLookup(m => m.UserId, m => m.TeamId);
        var skills = (await c.QueryAsync<SkillRow>(new CommandDefinition(AgentSkillsSql, transaction: t, cancellationToken: ct))).ToLookup(s => s.UserId, s => s.Name);
        return agents.Select(a => new AgentRecord(
            a.UserId, a.Name, a.Email, a.Capacity, Enum.Parse<Presence>(a.Presence), UnixTime.FromMs(a.PresenceChangedAt),
            UnixTime.FromMs(a.LastAssignedAt), (int)a.OpenConversations, teams[a.UserId].Order().ToList(), skills[a.UserId].Order().ToList())).ToList();
    }

    private const string PresenceSql = """
        SELECT presence FROM agents WHERE user_id = @UserId
        """;

    /// <summary>The agent's presence, or null for staff who are not agents.</summary>
    public Task<Presence?> PresenceAsync(long userId, CancellationToken ct) =>
        db.ReadAsync(async c =>
            await c.ExecuteScalarAsync<string?>(new CommandDefinition(PresenceSql, new { UserId = userId }, cancellationToken: ct)) is { } text
                ? Enum.Parse<Presence>(text)
                : (Presence?)null, ct);

    private const string SetPresenceSql = """
        UPDATE agents SET presence = @Presence, presence_changed_at = @Now WHERE user_id = @UserId AND presence <> @Presence
        """;

    /// <summary>Sets an agent's presence; false when the user is not an agent or it was already so.</summary>
    public Task<bool> SetPresenceAsync(long userId, Presence presence, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
            await c.ExecuteAsync(new CommandDefinition(SetPresenceSql, new { UserId = userId, Presence = presence.ToString(), Now = UnixTime.ToMs(now) }, t, cancellationToken: ct)) == 1, ct);

    private sealed class AgentRow
    {
        public long UserId { get; init; }
        public string Name { get; init; } = "";
        public string Email { get; init; } = "";
        public int Capacity { get; init; }
        public string Presence { get; init; } = "";
        public long PresenceChangedAt { get; init; }
        public long? LastAssignedAt { get; init; }
        public long OpenConversations { get; init; }
    }

    private sealed class MembershipRow
    {
        public long UserId { get; init; }
        public long TeamId { get; init; }
    }

    private sealed class SkillRow
    {
        public long UserId { get; init; }
        public string Name { get; init; } = "";
    }
}
