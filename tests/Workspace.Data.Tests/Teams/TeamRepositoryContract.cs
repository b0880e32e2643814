using Workspace.Data.Conversations;
using Workspace.Data.Staff;
using Workspace.Data.Teams;
using Workspace.Data.Tests.Conversations;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Conversations;
using Workspace.Domain.Staff;

namespace Workspace.Data.Tests.Teams;

/// <summary>
/// What <see cref="TeamRepository"/> promises on every provider. Lists may hold other tests' teams and
/// agents when the database is shared, so assertions look only at this test's rows.
/// </summary>
public abstract class TeamRepositoryContract : DatabaseTest
{
    private TeamRepository Teams => new(Db);

    private WorkspaceSeed Seed => new(Db);

    private async Task<AgentRecord> AgentAsync(long userId) =>
        Assert.Single(await Teams.ListAgentsAsync(Ct), a => a.UserId == userId);

    [Fact]
    public async Task ListTeamsAsync_SeveralTeams_OrderedByName()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var (zulu, _) = await Seed.TeamAsync($"{token} Zulu", Now, Ct);
        var (alpha, _) = await Seed.TeamAsync($"{token} Alpha", Now, Ct);
        var (mike, _) = await Seed.TeamAsync($"{token} Mike", Now, Ct);

        var teams = (await Teams.ListTeamsAsync(Ct)).Where(t => t.Name.StartsWith(token, StringComparison.Ordinal)).ToList();

        Assert.Equal([alpha, mike, zulu], teams.Select(t => t.Id));
    }

    [Fact]
    public async Task FindTeamAsync_ExactName_TheTeam()
    {
        var (id, name) = await Seed.TeamAsync("General Support", Now, Ct);

        Assert.Equal(new Team(id, name), await Teams.FindTeamAsync(name, Ct));
    }

    [Fact]
    public async Task FindTeamAsync_UnknownName_Null() =>
        Assert.Null(await Teams.FindTeamAsync($"No such team {Guid.NewGuid():N}", Ct));

    [Fact]
    public async Task ListAgentsAsync_Agent_TeamsSkillsCapacityPresenceAndNoLoad()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var (support, _) = await Seed.TeamAsync("Support", Now, Ct);
        var (billing, _) = await Seed.TeamAsync("Billing", Now, Ct);
        var agent = await Seed.AgentAsync("Maya Chen", [billing, support], Now, Ct,
            skills: [$"{token}-french", $"{token}-billing"], capacity: 7, presence: Presence.Away);

        var record = await AgentAsync(agent.Id);

        Assert.Equal("Maya Chen", record.Name);
        Assert.Equal(agent.Email, record.Email);
        Assert.Equal(7, record.Capacity);
        Assert.Equal(Presence.Away, record.Presence);
        Assert.Equal(Now, record.PresenceChangedAt);
        Assert.Null(record.LastAssignedAt);
        Assert.Equal(0, record.OpenConversations);
        Assert.Equal(new[] { support, billing }.Order(), record.TeamIds);
        Assert.Equal([$"{token}-billing", $"{token}-french"], record.Skills);
    }

    [Fact]
    public async Task ListAgentsAsync_AgentWithoutTeamsOrSkills_EmptyLists()
    {
        var agent = await Seed.AgentAsync("Lena Park", [], Now, Ct, role: Role.Lead);

        var record = await AgentAsync(agent.Id);

        Assert.Empty(record.TeamIds);
        Assert.Empty(record.Skills);
    }

    [Fact]
    public async Task ListAgentsAsync_OpenConversations_CountsEverythingAssignedNotResolved()
    {
        var (teamId, _) = await Seed.TeamAsync("Support", Now, Ct);
        var agent = await Seed.AgentAsync("Alex Morgan", [teamId], Now, Ct);
        var colleague = await Seed.AgentAsync("Maya Chen", [teamId], Now, Ct);
        var conversations = new ConversationRepository(Db);
        async Task<long> Assigned(long agentId, ConversationStatus status)
        {
            var id = (await Seed.OpenAsync(teamId, Now, Ct)).Id;
            Assert.True((await conversations.ClaimAsync(id, agentId, Now, Ct)).Done);
            if (status != ConversationStatus.Open)
            {
                Assert.True(await conversations.SetStatusAsync(id, ConversationStatus.Open, status,
                    status == ConversationStatus.Snoozed ? Now.AddDays(1) : null, "changed", agentId, null, Now, Ct));
            }
            return id;
        }
        await Assigned(agent.Id, ConversationStatus.Open);
        await Assigned(agent.Id, ConversationStatus.Open);
        await Assigned(agent.Id, ConversationStatus.Pending);
        await Assigned(agent.Id, ConversationStatus.Snoozed);
        await Assigned(agent.Id, ConversationStatus.Resolved);
        await Assigned(colleague.Id, ConversationStatus.Open);
        await Seed.OpenAsync(teamId, Now, Ct);

        // A snoozed conversation keeps its seat: it wakes up to its owner.
        Assert.Equal(4, (await AgentAsync(agent.Id)).OpenConversations);
        Assert.Equal(1, (await AgentAsync(colleague.Id)).OpenConversations);
    }

    [Fact]
    public async Task ListAgentsAsync_DisabledAgent_Left()
    {
        var agent = await Seed.AgentAsync("Alex Morgan", [], Now, Ct);
        Assert.True(await new StaffRepository(Db).SetDisabledAsync(agent.Id, true, "admin@tests.local", Now, Ct));

        Assert.DoesNotContain(await Teams.ListAgentsAsync(Ct), a => a.UserId == agent.Id);
    }

    [Fact]
    public async Task ListAgentsAsync_StaffWhoAreNotAgents_Left()
    {
        var reviewer = await Seed.StaffAsync("Quinn Reviewer", [Role.QA], Now, Ct);

        Assert.DoesNotContain(await Teams.ListAgentsAsync(Ct), a => a.UserId == reviewer.Id);
    }

    [Fact]
    public async Task ListAgentsAsync_SeveralAgents_OrderedByName()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var zoe = await Seed.AgentAsync($"{token} Zoe", [], Now, Ct);
        var amir = await Seed.AgentAsync($"{token} Amir", [], Now, Ct);
        var kim = await Seed.AgentAsync($"{token} Kim", [], Now, Ct);

        var agents = (await Teams.ListAgentsAsync(Ct)).Where(a => a.Name.StartsWith(token, StringComparison.Ordinal));

        Assert.Equal([amir.Id, kim.Id, zoe.Id], agents.Select(a => a.UserId));
    }

    [Fact]
    public async Task SetPresenceAsync_Change_StoredWithTime()
    {
        var agent = await Seed.AgentAsync("Alex Morgan", [], Now, Ct);

        Assert.True(await Teams.SetPresenceAsync(agent.Id, Presence.Online, Now.AddMinutes(5), Ct));

        Assert.Equal(Presence.Online, await Teams.PresenceAsync(agent.Id, Ct));
        var record = await AgentAsync(agent.Id);
        Assert.Equal(Presence.Online, record.Presence);
        Assert.Equal(Now.AddMinutes(5), record.PresenceChangedAt);
    }

    [Fact]
    public async Task SetPresenceAsync_EveryPresenceInTurn_EachStored()
    {
        var agent = await Seed.AgentAsync("Alex Morgan", [], Now, Ct);

        foreach (var presence in new[] { Presence.Online, Presence.Away, Presence.Offline, Presence.Online })
        {
            Assert.True(await Teams.SetPresenceAsync(agent.Id, presence, Now, Ct));
            Assert.Equal(presence, await Teams.PresenceAsync(agent.Id, Ct));
        }
    }

    [Fact]
    public async Task SetPresenceAsync_Unchanged_FalseAndTimeKept()
    {
        var agent = await Seed.AgentAsync("Alex Morgan", [], Now, Ct, presence: Presence.Online);

        Assert.False(await Teams.SetPresenceAsync(agent.Id, Presence.Online, Now.AddMinutes(5), Ct));

        Assert.Equal(Now, (await AgentAsync(agent.Id)).PresenceChangedAt);
    }

    [Fact]
    public async Task SetPresenceAsync_NotAnAgent_FalseAndNoPresence()
    {
        var reviewer = await Seed.StaffAsync("Quinn Reviewer", [Role.QA], Now, Ct);

        Assert.False(await Teams.SetPresenceAsync(reviewer.Id, Presence.Online, Now, Ct));

        Assert.Null(await Teams.PresenceAsync(reviewer.Id, Ct));
    }

    [Fact]
    public async Task PresenceAsync_UnknownUser_Null() => Assert.Null(await Teams.PresenceAsync(long.MaxValue - 7, Ct));
}
