using Workspace.Data.Conversations;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Conversations;
using Workspace.Domain.Staff;

namespace Workspace.Data.Tests.Conversations;

/// <summary>
/// What <see cref="InboxQueries"/> promises on every provider. Lists that reach every team may hold other
/// tests' conversations when the database is shared, so those assertions look only at this test's rows.
/// </summary>
public abstract class InboxQueriesContract : DatabaseTest
{
    private const int Everything = 10_000;

    private InboxQueries Inbox => new(Db);

    private ConversationRepository Conversations => new(Db);

    private WorkspaceSeed Seed => new(Db);

    /// <summary>
    /// Two teams and who works in them, and one conversation for each place a conversation can be in,
    /// named by where it sits.
    /// </summary>
    private sealed record World(
        long MyTeam, long OtherTeam, SeededStaff Me, SeededStaff Colleague, SeededStaff Outsider, SeededStaff Lead,
        IReadOnlyDictionary<string, long> Ids)
    {
        public long this[string name] => Ids[name];

        public List<string> NamesOf(IEnumerable<ConversationRecord> rows) =>
            rows.Select(r => Ids.FirstOrDefault(i => i.Value == r.Id).Key).Where(n => n is not null).ToList();
    }

    private async Task<World> WorldAsync()
    {
        var (myTeam, _) = await Seed.TeamAsync("Support", Now, Ct);
        var (otherTeam, _) = await Seed.TeamAsync("Billing", Now, Ct);
        var me = await Seed.AgentAsync("Alex Morgan", [myTeam], Now, Ct);
        var colleague = await Seed.AgentAsync("Maya Chen", [myTeam], Now, Ct);
        var outsider = await Seed.AgentAsync("Omar Haddad", [otherTeam], Now, Ct);
        var lead = await Seed.AgentAsync("Lena Park", [], Now, Ct, role: Role.Lead);
        var ids = new Dictionary<string, long>();
        var minute = -100;

        async Task<long> Open(string name, long? team, Priority priority = Priority.P3)
        {
            var conversation = await Seed.OpenAsync(team, Now.AddMinutes(minute++), Ct, priority);
            ids[name] = conversation.Id;
            return conversation.Id;
        }
        async Task Assign(long id, long agentId) => Assert.True((await Conversations.ClaimAsync(id, agentId, Now, Ct)).Done);
        async Task SetStatus(long id, ConversationStatus status) =>
            Assert.True(await Conversations.SetStatusAsync(id, ConversationStatus.Open, status,
                status == ConversationStatus.Snoozed ? Now.AddDays(1) : null, status.ToString().ToLowerInvariant(), me.Id, null, Now, Ct));

        await Open("myTeamUnassigned", myTeam);
        await Assign(await Open("myTeamMine", myTeam), me.Id);
        await Assign(await Open("myTeamColleagues", myTeam), colleague.Id);
        await SetStatus(await Open("myTeamSnoozedUnassigned", myTeam), ConversationStatus.Snoozed);
        var mineSnoozed = await Open("myTeamMineSnoozed", myTeam);
        await Assign(mineSnoozed, me.Id);
        await SetStatus(mineSnoozed, ConversationStatus.Snoozed);
        await SetStatus(await Open("myTeamResolved", myTeam), ConversationStatus.Resolved);
        var mineResolved = await Open("myTeamMineResolved", myTeam);
        await Assign(mineResolved, me.Id);
        await SetStatus(mineResolved, ConversationStatus.Resolved);
        await Open("otherTeamUnassigned", otherTeam);
        await Assign(await Open("otherTeamMine", otherTeam), me.Id);
        await Assign(await Open("otherTeamOutsiders", otherTeam), outsider.Id);
        await Open("noTeamUnassigned", null);
        return new World(myTeam, otherTeam, me, colleague, outsider, lead, ids);
    }

    private async Task<IReadOnlyList<string>> ViewAsync(World world, InboxView view, SeededStaff who, bool allTeams) =>
        world.NamesOf(await Inbox.ListAsync(view, who.Id, allTeams, Everything, Ct)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task ListAsync_MineForAgent_AssignedToMeInAnyTeamIncludingSnoozed()
    {
        var world = await WorldAsync();

        Assert.Equal(["myTeamMine", "myTeamMineSnoozed", "otherTeamMine"], await ViewAsync(world, InboxView.Mine, world.Me, allTeams: false));
    }

    [Fact]
    public async Task ListAsync_TeamForAgent_MyTeamsOpenWorkWithoutSnoozed()
    {
        var world = await WorldAsync();

        Assert.Equal(["myTeamColleagues", "myTeamMine", "myTeamUnassigned"], await ViewAsync(world, InboxView.Team, world.Me, allTeams: false));
    }

    [Fact]
    public async Task ListAsync_UnassignedForAgent_OnlyMyTeamsQueue()
    {
        var world = await WorldAsync();

        Assert.Equal(["myTeamUnassigned"], await ViewAsync(world, InboxView.Unassigned, world.Me, allTeams: false));
    }

    [Fact]
    public async Task ListAsync_AllWithoutAllTeams_Empty()
    {
        var world = await WorldAsync();

        Assert.Empty(await Inbox.ListAsync(InboxView.All, world.Me.Id, allTeams: false, Everything, Ct));
    }

    [Fact]
    public async Task ListAsync_UnassignedForLead_EveryTeamsQueueAndNoTeam()
    {
        var world = await WorldAsync();

        Assert.Equal(["myTeamUnassigned", "noTeamUnassigned", "otherTeamUnassigned"], await ViewAsync(world, InboxView.Unassigned, world.Lead, allTeams: true));
    }

    [Fact]
    public async Task ListAsync_AllForLead_EveryOpenConversationButSnoozedAndResolved()
    {
        var world = await WorldAsync();

        Assert.Equal(
            ["myTeamColleagues", "myTeamMine", "myTeamUnassigned", "noTeamUnassigned", "otherTeamMine", "otherTeamOutsiders", "otherTeamUnassigned"],
            await ViewAsync(world, InboxView.All, world.Lead, allTeams: true));
    }

    [Fact]
    public async Task ListAsync_LeadWithoutTeams_NoTeamQueueAndNothingOfTheirOwn()
    {
        var world = await WorldAsync();

        Assert.Empty(await Inbox.ListAsync(InboxView.Team, world.Lead.Id, allTeams: true, Everything, Ct));
        Assert.Empty(await Inbox.ListAsync(InboxView.Mine, world.Lead.Id, allTeams: true, Everything, Ct));
    }

    [Fact]
    public async Task ListAsync_OtherTeamsAgent_SeesNoneOfMyTeamsWork()
    {
        var world = await WorldAsync();

        Assert.Equal(["otherTeamOutsiders"], await ViewAsync(world, InboxView.Mine, world.Outsider, allTeams: false));
        Assert.Equal(["otherTeamMine", "otherTeamOutsiders", "otherTeamUnassigned"], await ViewAsync(world, InboxView.Team, world.Outsider, allTeams: false));
        Assert.Equal(["otherTeamUnassigned"], await ViewAsync(world, InboxView.Unassigned, world.Outsider, allTeams: false));
    }

    [Fact]
    public async Task ListAsync_AnyView_NeverResolved()
    {
        var world = await WorldAsync();
        var resolved = new[] { world["myTeamResolved"], world["myTeamMineResolved"] };

        foreach (var view in Enum.GetValues<InboxView>())
        {
            foreach (var (who, allTeams) in new[] { (world.Me, false), (world.Lead, true), (world.Me, true) })
            {
                var rows = await Inbox.ListAsync(view, who.Id, allTeams, Everything, Ct);
                Assert.DoesNotContain(rows, r => resolved.Contains(r.Id));
                Assert.DoesNotContain(rows, r => r.Status == ConversationStatus.Resolved);
            }
        }
    }

    [Fact]
    public async Task ListAsync_Row_CarriesWhatTheInboxShows()
    {
        var world = await WorldAsync();

        var row = (await Inbox.ListAsync(InboxView.Mine, world.Me.Id, false, Everything, Ct)).Single(r => r.Id == world["myTeamMine"]);

        Assert.Equal(await Conversations.GetAsync(row.Id, Ct), row);
        Assert.Equal("Alex Morgan", row.AssigneeName);
        Assert.NotNull(row.TeamName);
        Assert.Equal("Hello, I need help.", row.LastMessagePreview);
    }

    // --- Ordering ---

    [Fact]
    public async Task ListAsync_Queue_ByPriorityThenLongestWaitingThenAnswered()
    {
        var (teamId, _) = await Seed.TeamAsync("Support", Now, Ct);
        var agent = await Seed.AgentAsync("Alex Morgan", [teamId], Now, Ct);
        var names = new Dictionary<long, string>();
        async Task<long> Open(string name, Priority priority, int minutesAgo)
        {
            var id = (await Seed.OpenAsync(teamId, Now.AddMinutes(-minutesAgo), Ct, priority)).Id;
            names[id] = name;
            return id;
        }

        await Open("p2 waiting 30m", Priority.P2, 30);
        await Open("p1 waiting 1m", Priority.P1, 1);
        await Open("p2 waiting 10m", Priority.P2, 10);
        var answered = await Open("p2 answered", Priority.P2, 60);
        await Conversations.AppendAsync(answered, new NewMessage(AuthorKind.Agent, agent.Id, WorkspaceSeed.NewClientId(), "On it"), Now.AddMinutes(-59), Ct);
        // Oldest conversation, but the customer has only waited since writing again 20 minutes ago.
        var wroteAgain = await Open("p2 waiting 20m", Priority.P2, 90);
        await Conversations.AppendAsync(wroteAgain, new NewMessage(AuthorKind.Agent, agent.Id, WorkspaceSeed.NewClientId(), "Try this"), Now.AddMinutes(-80), Ct);
        await Conversations.AppendAsync(wroteAgain, new NewMessage(AuthorKind.Customer, null, WorkspaceSeed.NewClientId(), "Did not help"), Now.AddMinutes(-20), Ct);
        await Open("p4 waiting 2h", Priority.P4, 120);

        string[] expected = ["p1 waiting 1m", "p2 waiting 30m", "p2 waiting 20m", "p2 waiting 10m", "p2 answered", "p4 waiting 2h"];
        foreach (var view in new[] { InboxView.Team, InboxView.Unassigned })
        {
            var rows = await Inbox.ListAsync(view, agent.Id, false, Everything, Ct);
            Assert.Equal(expected, rows.Select(r => names[r.Id]));
        }
    }

    [Fact]
    public async Task ListAsync_Mine_SnoozedAfterEverythingElse()
    {
        var (teamId, _) = await Seed.TeamAsync("Support", Now, Ct);
        var agent = await Seed.AgentAsync("Alex Morgan", [teamId], Now, Ct);
        var snoozedUrgent = await Seed.OpenAsync(teamId, Now.AddHours(-2), Ct, Priority.P1);
        var open = await Seed.OpenAsync(teamId, Now, Ct, Priority.P4);
        foreach (var id in new[] { snoozedUrgent.Id, open.Id })
        {
            Assert.True((await Conversations.ClaimAsync(id, agent.Id, Now, Ct)).Done);
        }
        Assert.True(await Conversations.SetStatusAsync(snoozedUrgent.Id, ConversationStatus.Open, ConversationStatus.Snoozed, Now.AddDays(1), "snoozed", agent.Id, null, Now, Ct));

        var rows = await Inbox.ListAsync(InboxView.Mine, agent.Id, false, Everything, Ct);

        Assert.Equal([open.Id, snoozedUrgent.Id], rows.Select(r => r.Id));
    }

    [Fact]
    public async Task ListAsync_Take_FirstRowsOfTheOrder()
    {
        var (teamId, _) = await Seed.TeamAsync("Support", Now, Ct);
        var agent = await Seed.AgentAsync("Alex Morgan", [teamId], Now, Ct);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Seed.OpenAsync(teamId, Now.AddMinutes(-10 + i), Ct)).Id);
        }

        var rows = await Inbox.ListAsync(InboxView.Team, agent.Id, false, 2, Ct);

        Assert.Equal(ids.Take(2), rows.Select(r => r.Id));
    }

    // --- Counts ---

    [Fact]
    public async Task CountsAsync_Agent_MatchesEachList()
    {
        var world = await WorldAsync();

        var counts = await Inbox.CountsAsync(world.Me.Id, allTeams: false, Ct);

        Assert.Equal(new InboxCounts(3, 3, 1, 0), counts);
        Assert.Equal(counts.Mine, (await Inbox.ListAsync(InboxView.Mine, world.Me.Id, false, Everything, Ct)).Count);
        Assert.Equal(counts.Team, (await Inbox.ListAsync(InboxView.Team, world.Me.Id, false, Everything, Ct)).Count);
        Assert.Equal(counts.Unassigned, (await Inbox.ListAsync(InboxView.Unassigned, world.Me.Id, false, Everything, Ct)).Count);
        Assert.Equal(counts.All, (await Inbox.ListAsync(InboxView.All, world.Me.Id, false, Everything, Ct)).Count);
    }

    [Fact]
    public async Task CountsAsync_Lead_CountsEveryTeam()
    {
        var world = await WorldAsync();

        var counts = await Inbox.CountsAsync(world.Lead.Id, allTeams: true, Ct);

        Assert.Equal(0, counts.Mine);
        Assert.Equal(0, counts.Team);
        // A shared database may hold other tests' open conversations too.
        Assert.True(counts.Unassigned >= 3, $"Unassigned was {counts.Unassigned}");
        Assert.True(counts.All >= 7, $"All was {counts.All}");
    }

    [Fact]
    public async Task CountsAsync_NothingOpen_Zeros()
    {
        var (teamId, _) = await Seed.TeamAsync("Quiet", Now, Ct);
        var agent = await Seed.AgentAsync("Alex Morgan", [teamId], Now, Ct);

        Assert.Equal(new InboxCounts(0, 0, 0, 0), await Inbox.CountsAsync(agent.Id, allTeams: false, Ct));
    }

    [Fact]
    public async Task TeamsOfAsync_Agent_TheirTeams()
    {
        var (first, _) = await Seed.TeamAsync("Support", Now, Ct);
        var (second, _) = await Seed.TeamAsync("Billing", Now, Ct);
        var agent = await Seed.AgentAsync("Alex Morgan", [first, second], Now, Ct);

        Assert.Equal([first, second], (await Inbox.TeamsOfAsync(agent.Id, Ct)).Order());
    }
}
