using Dapper;
using Workspace.Data.Conversations;
using Workspace.Data.Customers;
using Workspace.Data.Database;
using Workspace.Data.Staff;
using Workspace.Domain.Conversations;
using Workspace.Domain.Staff;

namespace Workspace.Data.Tests.Conversations;

/// <summary>A staff member created for one test; names and emails are unique so tests can share a database.</summary>
public sealed record SeededStaff(long Id, string Email, string Name);

/// <summary>
/// Teams, agents, other staff, customers and conversations for the conversation, team and notification
/// contracts. Accounts go through <see cref="StaffRepository"/>; the agent, team and skill rows that no
/// repository writes yet are small inserts here.
/// </summary>
public sealed class WorkspaceSeed(Db db)
{
    private const string Actor = "seed@tests.local";

    // Nobody signs in with seeded accounts, so no (slow) real hash is needed.
    private const string PasswordHash = "not-a-password-hash";

    public static readonly TimeSpan FirstResponseTarget = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ResolutionTarget = TimeSpan.FromHours(8);

    private static string Token() => Guid.NewGuid().ToString("N")[..10];

    private const string InsertTeamSqlite = "INSERT INTO teams (name, created_at) VALUES (@Name, @Now) RETURNING id";
    private const string InsertTeamSqlServer = "INSERT INTO teams (name, created_at) OUTPUT INSERTED.id VALUES (@Name, @Now)";

    /// <summary>A new team named <paramref name="name"/> plus a unique suffix; returns its id and full name.</summary>
    public async Task<(long Id, string Name)> TeamAsync(string name, DateTimeOffset now, CancellationToken ct)
    {
        var unique = $"{name} {Token()}";
        var id = await db.WriteAsync((c, t) => c.ExecuteScalarAsync<long>(new CommandDefinition(
            db.Dialect.Pick(InsertTeamSqlite, InsertTeamSqlServer), new { Name = unique, Now = UnixTime.ToMs(now) }, t, cancellationToken: ct)), ct);
        return (id, unique);
    }

    /// <summary>A staff account with these roles but no agent row (a QA reviewer, an admin).</summary>
    public async Task<SeededStaff> StaffAsync(string name, IReadOnlyCollection<Role> roles, DateTimeOffset now, CancellationToken ct)
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Token()}@staff.test";
        var id = await new StaffRepository(db).CreateAsync(email, name, PasswordHash, roles, Actor, now, ct)
            ?? throw new InvalidOperationException($"Seeding {email} failed: the email is taken.");
        return new SeededStaff(id, email, name);
    }

    private const string InsertAgentSql = """
        INSERT INTO agents (user_id, capacity, presence, presence_changed_at) VALUES (@UserId, @Capacity, @Presence, @Now)
        """;
    private const string InsertMemberSql = "INSERT INTO team_members (team_id, user_id) VALUES (@TeamId, @UserId)";
    private const string FindSkillSql = "SELECT id FROM skills WHERE name = @Name";
    private const string InsertSkillSqlite = "INSERT INTO skills (name) VALUES (@Name) RETURNING id";
    private const string InsertSkillSqlServer = "INSERT INTO skills (name) OUTPUT INSERTED.id VALUES (@Name)";
    private const string InsertAgentSkillSql = "INSERT INTO agent_skills (user_id, skill_id) VALUES (@UserId, @SkillId)";

    /// <summary>An agent (an account with an agent row) in the given teams with the given skills.</summary>
    public async Task<SeededStaff> AgentAsync(string name, IReadOnlyCollection<long> teamIds, DateTimeOffset now, CancellationToken ct,
        IReadOnlyCollection<string>? skills = null, int capacity = 5, Presence presence = Presence.Offline, Role role = Role.Agent)
    {
        var staff = await StaffAsync(name, [role], now, ct);
        await db.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync(new CommandDefinition(InsertAgentSql,
                new { UserId = staff.Id, Capacity = capacity, Presence = presence.ToString(), Now = UnixTime.ToMs(now) }, t, cancellationToken: ct));
            foreach (var teamId in teamIds)
            {
                await c.ExecuteAsync(new CommandDefinition(InsertMemberSql, new { TeamId = teamId, UserId = staff.Id }, t, cancellationToken: ct));
            }
            foreach (var skill in skills ?? [])
            {
                var skillId = await c.ExecuteScalarAsync<long?>(new CommandDefinition(FindSkillSql, new { Name = skill }, t, cancellationToken: ct))
                    ?? await c.ExecuteScalarAsync<long>(new CommandDefinition(
                        db.Dialect.Pick(InsertSkillSqlite, InsertSkillSqlServer), new { Name = skill }, t, cancellationToken: ct));
                await c.ExecuteAsync(new CommandDefinition(InsertAgentSkillSql, new { UserId = staff.Id, SkillId = skillId }, t, cancellationToken: ct));
            }
        }, ct);
        return staff;
    }

    /// <summary>A customer known only by a unique external id and a name, as a chat visitor is.</summary>
    public Task<long> CustomerAsync(DateTimeOffset now, CancellationToken ct, string name = "Ada Lovelace", bool anonymous = false) =>
        new CustomerRepository(db).EnsureAsync($"cus_{Guid.NewGuid():N}", name, anonymous, now, ct);

    /// <summary>The first customer message of a new conversation.</summary>
    public static NewConversation Conversation(long customerId, long? teamId, Priority priority = Priority.P3, string body = "Hello, I need help.",
        string? clientMessageId = null, Channel channel = Channel.Chat, string? subject = "Help needed") =>
        new(customerId, channel, subject, teamId, priority, FirstResponseTarget, ResolutionTarget,
            new NewMessage(AuthorKind.Customer, null, clientMessageId ?? NewClientId(), body));

    /// <summary>A new conversation opened by a new customer at <paramref name="at"/>.</summary>
    public async Task<ConversationRecord> OpenAsync(long? teamId, DateTimeOffset at, CancellationToken ct, Priority priority = Priority.P3, long? customerId = null)
    {
        var customer = customerId ?? await CustomerAsync(at, ct);
        var (conversation, _, _) = await new ConversationRepository(db).OpenAsync(Conversation(customer, teamId, priority), at, ct);
        return conversation;
    }

    public static string NewClientId() => $"c-{Guid.NewGuid():N}";
}
