using System.Collections.Concurrent;
using System.Globalization;
using Workspace.Data.Conversations;
using Workspace.Data.Database;
using Workspace.Data.Routing;
using Workspace.Data.Teams;
using Workspace.Data.Tests.Conversations;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Conversations;
using Workspace.Domain.Routing;
using Workspace.Domain.Staff;

namespace Workspace.Data.Tests.Routing;

/// <summary>
/// What routing promises as conversations arrive and agents come and go, on every provider: the decision
/// and its trace stored with the conversation, assignment in the same transaction, queue draining,
/// hand-back after an agent goes offline, and capacity on claims and transfers. Draining and hand-back
/// look at every team, so in a shared database these tests stay in one class (run one after another)
/// and look only at their own rows.
/// </summary>
public abstract class RoutingAssignmentContract : DatabaseTest
{
    private const int Version = 7;
    private const string LastAgent = "the customer's last agent";

    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    // Hand-back takes every agent offline for longer than the grace period: a month before the other
    // tests' clock keeps their agents out of it when the database is shared.
    private static readonly DateTimeOffset WentOffline = Now.AddDays(-30);

    private ConversationRepository Conversations => new(Db);

    private RoutingRepository Routing => new(Db);

    private TeamRepository Teams => new(Db);

    private WorkspaceSeed Seed => new(Db);

    /// <summary>Separate <see cref="Db"/> instances, as separate app nodes would have, over this test's database.</summary>
    private List<Db> Nodes(int count) => Enumerable.Range(0, count).Select(_ => new Db(Database.Options)).ToList();

    private async Task<ConversationRecord> CurrentAsync(long id) =>
        await Conversations.GetAsync(id, Ct) ?? throw new InvalidOperationException($"Conversation {id} vanished.");

    private async Task<IReadOnlyList<string>> EventKindsAsync(long id) =>
        (await Conversations.EventsAsync(id, Ct)).Select(e => e.Kind).ToList();

    private async Task<AgentRecord> AgentAsync(long userId) =>
        Assert.Single(await Teams.ListAgentsAsync(Ct), a => a.UserId == userId);

    private async Task<ConversationRouting> DecisionAsync(long conversationId) =>
        await Routing.DecisionAsync(conversationId, Ct) ?? throw new InvalidOperationException($"Conversation {conversationId} has no routing decision.");

    /// <summary>The specialists (the outage and API rules' team) and support (the default rule's team).</summary>
    private sealed record RoutingTeams(long SpecialistsId, string Specialists, long SupportId, string Support)
    {
        public RoutedConversation Route(string text, StickyPreference sticky = StickyPreference.None, long? stickyAgentId = null, string? stickyReason = null,
            int integrations = 2, int openIssues = 1) =>
            RoutingSeed.Route(RoutingSeed.Definition(Specialists, Support, sticky), Version, RoutingSeed.Signals(text, integrations: integrations, openIssues: openIssues),
                new Dictionary<string, long> { [Specialists] = SpecialistsId, [Support] = SupportId }, stickyAgentId, stickyReason);

        /// <summary>A billing question with no integrations or open issues: the default rule, to support at P3.</summary>
        public RoutedConversation RouteBilling() => Route(RoutingSeed.BillingText, integrations: 0, openIssues: 0);
    }

    private async Task<RoutingTeams> TeamsAsync()
    {
        var (specialistsId, specialists) = await Seed.TeamAsync("API Specialists", Now, Ct);
        var (supportId, support) = await Seed.TeamAsync("Support", Now, Ct);
        return new RoutingTeams(specialistsId, specialists, supportId, support);
    }

    private async Task<ConversationRecord> OpenRoutedAsync(RoutedConversation routed, DateTimeOffset at)
    {
        var customerId = await Seed.CustomerAsync(at, Ct);
        var (conversation, _, created) = await Conversations.OpenAsync(RoutingSeed.Conversation(customerId, routed), at, Ct);
        Assert.True(created);
        return conversation;
    }

    /// <summary>Gives the agent <paramref name="count"/> open conversations of the team, claimed an hour before <see cref="DatabaseTest.Now"/>; returns their ids.</summary>
    private async Task<IReadOnlyList<long>> LoadAsync(long agentId, long teamId, int count)
    {
        var at = Now.AddHours(-1);
        var owned = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var conversation = await Seed.OpenAsync(teamId, at, Ct);
            Assert.True((await Conversations.ClaimAsync(conversation.Id, agentId, at, Ct)).Done);
            owned.Add(conversation.Id);
        }
        return owned;
    }

    /// <summary>The complexity score as a condition trace shows it (the default weights are the product's to tune).</summary>
    private static string Score(RoutedConversation routed) => routed.Assessment.Complexity.Value.ToString(CultureInfo.InvariantCulture);

    private Task<bool> ResolveAsync(long conversationId, long agentId, DateTimeOffset at) =>
        Conversations.SetStatusAsync(conversationId, ConversationStatus.Open, ConversationStatus.Resolved, null, "resolved", agentId, null, at, Ct);

    // --- OpenAsync with routing: the decision and its trace ---

    [Fact]
    public async Task OpenAsync_Routed_DecisionsTeamAndPriorityWithRoutedEvent()
    {
        var teams = await TeamsAsync();

        var conversation = await OpenRoutedAsync(teams.Route(RoutingSeed.ApiText), Now);

        Assert.Equal((teams.SpecialistsId, teams.Specialists, Priority.P2), (conversation.TeamId, conversation.TeamName, conversation.Priority));
        Assert.Null(conversation.AssigneeId);
        var events = await Conversations.EventsAsync(conversation.Id, Ct);
        Assert.Equal(["opened", "routed"], events.Select(e => e.Kind));
        var routed = RoutingSeed.Data(events[1].Data);
        Assert.Equal(Version, routed.GetProperty("version").GetInt32());
        Assert.Equal(RoutingSeed.ApiRuleName, routed.GetProperty("rule").GetString());
        Assert.Equal(teams.Specialists, routed.GetProperty("team").GetString());
        Assert.Equal("P2", routed.GetProperty("priority").GetString());
    }

    [Fact]
    public async Task DecisionAsync_Routed_VersionMatchedRuleConditionsWithActualValuesAndSkippedRules()
    {
        var teams = await TeamsAsync();
        var routed = teams.Route(RoutingSeed.ApiText);
        var conversation = await OpenRoutedAsync(routed, Now);

        var stored = await DecisionAsync(conversation.Id);

        Assert.Equal((conversation.Id, Now, teams.Specialists), (stored.ConversationId, stored.DecidedAt, stored.Team));
        var decision = stored.Decision;
        Assert.Equal((Version, RoutingSeed.ApiRuleId, RoutingSeed.ApiRuleName), (decision.RulesetVersion, decision.MatchedRuleId, decision.MatchedRuleName));
        Assert.Equal(
            [
                new ConditionTrace("complexityScore", RuleOperator.AtLeast, "40", Score(routed), true),
                new ConditionTrace("tier", RuleOperator.In, "Pro, Enterprise", "Enterprise", true),
            ],
            decision.Conditions);
        Assert.Equal(
            [new SkippedRule(RoutingSeed.OutageRuleId, RoutingSeed.OutageRuleName, new ConditionTrace("intent", RuleOperator.Equals, "Outage", "Integration", false))],
            decision.SkippedRules);
        Assert.Equal((teams.Specialists, Priority.P2, StickyPreference.None), (decision.Team, decision.Priority, decision.Sticky));
        Assert.Equal([RoutingSeed.ApiSkill], decision.RequiredSkills);
        Assert.Equal(RoutingJson.Write(routed.Decision), RoutingJson.Write(decision));
    }

    [Fact]
    public async Task DecisionAsync_Routed_SnapshotIntentAndComplexityAsRoutingSawThem()
    {
        var teams = await TeamsAsync();
        var routed = teams.Route(RoutingSeed.ApiText);
        var conversation = await OpenRoutedAsync(routed, Now);

        var stored = await DecisionAsync(conversation.Id);

        Assert.Equal(RoutingJson.Write(routed.Signals), RoutingJson.Write(stored.Snapshot));
        Assert.Equal(RoutingSeed.ApiText, stored.Snapshot.Text);
        Assert.Equal(Intent.Integration, stored.Intent.Intent);
        Assert.Equal(routed.Assessment.Intent.MatchedPhrases, stored.Intent.MatchedPhrases);
        Assert.Contains("api", stored.Intent.MatchedPhrases);
        Assert.Equal(routed.Assessment.Intent.Reason, stored.Intent.Reason);
        Assert.Equal(routed.Assessment.Complexity.Value, stored.Complexity.Value);
        Assert.Equal(routed.Assessment.Complexity.Parts, stored.Complexity.Parts);
        Assert.Equal(routed.Assessment.Complexity.Reason, stored.Complexity.Reason);
    }

    [Fact]
    public async Task DecisionAsync_RoutedByDefaultRule_EverySkippedRuleWithTheConditionThatFailed()
    {
        var teams = await TeamsAsync();

        var routed = teams.RouteBilling();

        var conversation = await OpenRoutedAsync(routed, Now);

        Assert.Equal((teams.SupportId, Priority.P3), (conversation.TeamId, conversation.Priority));
        var decision = (await DecisionAsync(conversation.Id)).Decision;
        Assert.Equal((RoutingSeed.DefaultRuleId, RoutingSeed.DefaultRuleName), (decision.MatchedRuleId, decision.MatchedRuleName));
        Assert.Empty(decision.Conditions);
        Assert.Empty(decision.RequiredSkills);
        Assert.Equal(
            [
                new SkippedRule(RoutingSeed.OutageRuleId, RoutingSeed.OutageRuleName, new ConditionTrace("intent", RuleOperator.Equals, "Outage", "Billing", false)),
                new SkippedRule(RoutingSeed.ApiRuleId, RoutingSeed.ApiRuleName, new ConditionTrace("complexityScore", RuleOperator.AtLeast, "40", Score(routed), false)),
            ],
            decision.SkippedRules);
    }

    [Fact]
    public async Task DecisionAsync_TeamWithoutAgents_AttemptRecordedWithNoCandidates()
    {
        var teams = await TeamsAsync();

        var conversation = await OpenRoutedAsync(teams.Route(RoutingSeed.ApiText), Now);

        var attempt = (await DecisionAsync(conversation.Id)).Assignment;
        Assert.NotNull(attempt);
        Assert.Equal((Now, "routing", teams.Specialists, (long?)null, (string?)null), (attempt.At, attempt.How, attempt.Team, attempt.AgentId, attempt.Agent));
        Assert.Empty(attempt.Candidates);
    }

    [Fact]
    public async Task DecisionAsync_OpenedWithoutRouting_None()
    {
        var (teamId, _) = await Seed.TeamAsync("Support", Now, Ct);
        var conversation = await Seed.OpenAsync(teamId, Now, Ct);

        Assert.Null(await Routing.DecisionAsync(conversation.Id, Ct));
    }

    [Fact]
    public async Task OpenAsync_RoutedSameFirstClientIdAgain_OneDecisionAndOneAssignment()
    {
        var teams = await TeamsAsync();
        var agent = await Seed.AgentAsync("Ava Api", [teams.SpecialistsId], Now, Ct, skills: [RoutingSeed.ApiSkill], presence: Presence.Online);
        var open = RoutingSeed.Conversation(await Seed.CustomerAsync(Now, Ct), teams.Route(RoutingSeed.ApiText));
        var (first, _, _) = await Conversations.OpenAsync(open, Now, Ct);

        var (again, _, created) = await Conversations.OpenAsync(open, Now.AddSeconds(5), Ct);

        Assert.False(created);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(["opened", "routed", "assigned"], await EventKindsAsync(first.Id));
        Assert.Equal(Now, (await DecisionAsync(first.Id)).DecidedAt);
        Assert.Equal(1, (await AgentAsync(agent.Id)).OpenConversations);
    }

    // --- OpenAsync with routing: assignment in the same call ---

    private sealed record Specialists(SeededStaff Ava, SeededStaff Ben, SeededStaff Cleo, SeededStaff Dan);

    /// <summary>
    /// Ava has the api skill and free seats (in the given presence); Ben has it but is offline; Cleo is
    /// online without it; Dan has it but his two seats are taken.
    /// </summary>
    private async Task<Specialists> SpecialistsAsync(long teamId, Presence ava)
    {
        string[] api = [RoutingSeed.ApiSkill];
        var specialists = new Specialists(
            await Seed.AgentAsync("Ava Api", [teamId], Now, Ct, skills: api, capacity: 3, presence: ava),
            await Seed.AgentAsync("Ben Offline", [teamId], Now, Ct, skills: api, capacity: 3, presence: Presence.Offline),
            await Seed.AgentAsync("Cleo Generalist", [teamId], Now, Ct, capacity: 3, presence: Presence.Online),
            await Seed.AgentAsync("Dan Busy", [teamId], Now, Ct, skills: api, capacity: 2, presence: Presence.Online));
        await LoadAsync(specialists.Dan.Id, teamId, 2);
        return specialists;
    }

    [Fact]
    public async Task OpenAsync_EligibleAgentOnline_AssignedInTheSameCall()
    {
        var teams = await TeamsAsync();
        var agents = await SpecialistsAsync(teams.SpecialistsId, Presence.Online);

        var conversation = await OpenRoutedAsync(teams.Route(RoutingSeed.ApiText), Now);

        Assert.Equal((agents.Ava.Id, "Ava Api"), (conversation.AssigneeId, conversation.AssigneeName));
        var events = await Conversations.EventsAsync(conversation.Id, Ct);
        Assert.Equal(["opened", "routed", "assigned"], events.Select(e => e.Kind));
        Assert.Equal((Now, (long?)null), (events[2].At, events[2].ActorUserId));
        Assert.Equal(agents.Ava.Id, RoutingSeed.AgentOf(events[2]));
        Assert.Equal("routing", RoutingSeed.Data(events[2].Data).GetProperty("how").GetString());
        var ava = await AgentAsync(agents.Ava.Id);
        Assert.Equal((1, (DateTimeOffset?)Now), (ava.OpenConversations, ava.LastAssignedAt));
    }

    [Fact]
    public async Task DecisionAsync_AssignedOnArrival_AttemptNamesTheAgentAndEveryCandidatesReason()
    {
        var teams = await TeamsAsync();
        var agents = await SpecialistsAsync(teams.SpecialistsId, Presence.Online);

        var conversation = await OpenRoutedAsync(teams.Route(RoutingSeed.ApiText), Now);

        var attempt = (await DecisionAsync(conversation.Id)).Assignment;
        Assert.NotNull(attempt);
        Assert.Equal((Now, "routing", teams.Specialists, (long?)agents.Ava.Id, "Ava Api"), (attempt.At, attempt.How, attempt.Team, attempt.AgentId, attempt.Agent));
        Assert.Equal([RoutingSeed.ApiSkill], attempt.RequiredSkills);
        Assert.Equal(
            [
                new CandidateTrace(agents.Ava.Id, "Ava Api", true, "chosen: least loaded (0/3)"),
                new CandidateTrace(agents.Ben.Id, "Ben Offline", false, "offline"),
                new CandidateTrace(agents.Cleo.Id, "Cleo Generalist", false, "missing skill api"),
                new CandidateTrace(agents.Dan.Id, "Dan Busy", false, "at capacity (2/2)"),
            ],
            attempt.Candidates);
    }

    [Fact]
    public async Task OpenAsync_NobodyEligible_WaitsInQueueAndAttemptGivesEachCandidatesReason()
    {
        var teams = await TeamsAsync();
        var agents = await SpecialistsAsync(teams.SpecialistsId, Presence.Away);

        var conversation = await OpenRoutedAsync(teams.Route(RoutingSeed.ApiText), Now);

        Assert.Null(conversation.AssigneeId);
        Assert.Equal(["opened", "routed"], await EventKindsAsync(conversation.Id));
        var attempt = (await DecisionAsync(conversation.Id)).Assignment;
        Assert.NotNull(attempt);
        Assert.Equal(("routing", (long?)null), (attempt.How, attempt.AgentId));
        Assert.Equal(
            [
                new CandidateTrace(agents.Ava.Id, "Ava Api", false, "away"),
                new CandidateTrace(agents.Ben.Id, "Ben Offline", false, "offline"),
                new CandidateTrace(agents.Cleo.Id, "Cleo Generalist", false, "missing skill api"),
                new CandidateTrace(agents.Dan.Id, "Dan Busy", false, "at capacity (2/2)"),
            ],
            attempt.Candidates);
    }

    [Fact]
    public async Task OpenAsync_StickyAgentEligible_PreferredOverLessLoadedColleague()
    {
        var teams = await TeamsAsync();
        var ava = await Seed.AgentAsync("Ava Api", [teams.SpecialistsId], Now, Ct, skills: [RoutingSeed.ApiSkill], capacity: 3, presence: Presence.Online);
        var eve = await Seed.AgentAsync("Eve Sticky", [teams.SpecialistsId], Now, Ct, skills: [RoutingSeed.ApiSkill], capacity: 3, presence: Presence.Online);
        await LoadAsync(eve.Id, teams.SpecialistsId, 1);

        var conversation = await OpenRoutedAsync(teams.Route(RoutingSeed.ApiText, StickyPreference.LastAgent, eve.Id, LastAgent), Now);

        Assert.Equal(eve.Id, conversation.AssigneeId);
        Assert.Equal(
            [
                new CandidateTrace(ava.Id, "Ava Api", false, "eligible; the preferred agent was chosen"),
                new CandidateTrace(eve.Id, "Eve Sticky", true, $"chosen: {LastAgent}"),
            ],
            (await DecisionAsync(conversation.Id)).Assignment?.Candidates);
    }

    [Fact]
    public async Task OpenAsync_StickyAgentOffline_LeastLoadedEligibleChosen()
    {
        var teams = await TeamsAsync();
        var ava = await Seed.AgentAsync("Ava Api", [teams.SpecialistsId], Now, Ct, skills: [RoutingSeed.ApiSkill], capacity: 3, presence: Presence.Online);
        var eve = await Seed.AgentAsync("Eve Sticky", [teams.SpecialistsId], Now, Ct, skills: [RoutingSeed.ApiSkill], capacity: 3, presence: Presence.Offline);

        var conversation = await OpenRoutedAsync(teams.Route(RoutingSeed.ApiText, StickyPreference.LastAgent, eve.Id, LastAgent), Now);

        Assert.Equal(ava.Id, conversation.AssigneeId);
        Assert.Equal(
            [
                new CandidateTrace(ava.Id, "Ava Api", true, "chosen: least loaded (0/3)"),
                new CandidateTrace(eve.Id, "Eve Sticky", false, "offline"),
            ],
            (await DecisionAsync(conversation.Id)).Assignment?.Candidates);
    }

    // --- DrainQueuesAsync ---

    /// <summary>Queued conversations in arrival order of urgency: the first two an agent with two seats gets, then the next.</summary>
    private sealed record Queue(SeededStaff Zoe, long Urgent, long NeedsApi, long P2LongestWaiting, long P2, long P3, long P4)
    {
        public IReadOnlyList<long> All => [Urgent, NeedsApi, P2LongestWaiting, P2, P3, P4];
    }

    /// <summary>
    /// One team whose only agent, Zoe (two seats, no skills), is offline, with conversations waiting:
    /// P1 for 5 min; a routed P2 needing the api skill for 40 min; P2 for 20 and 10 min; P3 for 30 min; P4 for an hour.
    /// </summary>
    private async Task<Queue> QueueAsync()
    {
        var teams = await TeamsAsync();
        var team = teams.SpecialistsId;
        var zoe = await Seed.AgentAsync("Zoe Queue", [team], Now.AddHours(-2), Ct, capacity: 2);
        var p4 = await Seed.OpenAsync(team, Now.AddMinutes(-60), Ct, Priority.P4);
        var needsApi = await OpenRoutedAsync(teams.Route(RoutingSeed.ApiText), Now.AddMinutes(-40));
        var p3 = await Seed.OpenAsync(team, Now.AddMinutes(-30), Ct, Priority.P3);
        var p2Longest = await Seed.OpenAsync(team, Now.AddMinutes(-20), Ct, Priority.P2);
        var p2 = await Seed.OpenAsync(team, Now.AddMinutes(-10), Ct, Priority.P2);
        var urgent = await Seed.OpenAsync(team, Now.AddMinutes(-5), Ct, Priority.P1);
        Assert.Equal((team, Priority.P2, (long?)null), (needsApi.TeamId, needsApi.Priority, needsApi.AssigneeId));
        return new Queue(zoe, urgent.Id, needsApi.Id, p2Longest.Id, p2.Id, p3.Id, p4.Id);
    }

    private async Task<IReadOnlyList<(long ConversationId, AssignmentAttempt Attempt)>> DrainAsync(Queue queue, DateTimeOffset at) =>
        (await Routing.DrainQueuesAsync(at, Ct)).Where(d => queue.All.Contains(d.ConversationId)).ToList();

    private async Task<IReadOnlyList<long>> AssignedToAsync(Queue queue, long agentId) =>
        (await Task.WhenAll(queue.All.Select(CurrentAsync))).Where(c => c.AssigneeId == agentId).Select(c => c.Id).ToList();

    [Fact]
    public async Task DrainQueuesAsync_NobodyOnline_NothingAssigned()
    {
        var queue = await QueueAsync();

        Assert.Empty(await DrainAsync(queue, Now));

        Assert.All(await Task.WhenAll(queue.All.Select(CurrentAsync)), c => Assert.Null(c.AssigneeId));
    }

    [Fact]
    public async Task DrainQueuesAsync_AgentComesOnline_MostUrgentThenLongestWaitingUpToCapacity()
    {
        var queue = await QueueAsync();
        Assert.True(await Teams.SetPresenceAsync(queue.Zoe.Id, Presence.Online, Now, Ct));

        var drained = await DrainAsync(queue, Now.AddMinutes(1));

        Assert.Equal([queue.Urgent, queue.P2LongestWaiting], drained.Select(d => d.ConversationId));
        Assert.All(drained, d => Assert.Equal(("queue", (long?)queue.Zoe.Id, "Zoe Queue"), (d.Attempt.How, d.Attempt.AgentId, d.Attempt.Agent)));
        Assert.Equal([queue.Urgent, queue.P2LongestWaiting], await AssignedToAsync(queue, queue.Zoe.Id));
        var assigned = (await Conversations.EventsAsync(queue.Urgent, Ct))[^1];
        Assert.Equal(("assigned", Now.AddMinutes(1), queue.Zoe.Id), (assigned.Kind, assigned.At, RoutingSeed.AgentOf(assigned)));
        Assert.Equal("queue", RoutingSeed.Data(assigned.Data).GetProperty("how").GetString());
        Assert.Equal(2, (await AgentAsync(queue.Zoe.Id)).OpenConversations);
    }

    [Fact]
    public async Task DrainQueuesAsync_RequiredSkillMissing_SkippedAndStaysQueued()
    {
        var queue = await QueueAsync();
        Assert.True(await Teams.SetPresenceAsync(queue.Zoe.Id, Presence.Online, Now, Ct));

        var drained = await DrainAsync(queue, Now.AddMinutes(1));

        Assert.DoesNotContain(drained, d => d.ConversationId == queue.NeedsApi);
        Assert.Null((await CurrentAsync(queue.NeedsApi)).AssigneeId);
        Assert.DoesNotContain("assigned", await EventKindsAsync(queue.NeedsApi));
    }

    [Fact]
    public async Task DrainQueuesAsync_AgainWithNoSeatFreed_NothingMoreAssigned()
    {
        var queue = await QueueAsync();
        Assert.True(await Teams.SetPresenceAsync(queue.Zoe.Id, Presence.Online, Now, Ct));
        await DrainAsync(queue, Now.AddMinutes(1));

        Assert.Empty(await DrainAsync(queue, Now.AddMinutes(2)));

        Assert.Equal([queue.Urgent, queue.P2LongestWaiting], await AssignedToAsync(queue, queue.Zoe.Id));
        Assert.Equal(4, (await Task.WhenAll(queue.All.Select(CurrentAsync))).Count(c => c.AssigneeId is null));
    }

    [Fact]
    public async Task DrainQueuesAsync_SeatFreedByResolving_NextInOrderAssigned()
    {
        var queue = await QueueAsync();
        Assert.True(await Teams.SetPresenceAsync(queue.Zoe.Id, Presence.Online, Now, Ct));
        await DrainAsync(queue, Now.AddMinutes(1));
        Assert.True(await ResolveAsync(queue.Urgent, queue.Zoe.Id, Now.AddMinutes(2)));

        var drained = await DrainAsync(queue, Now.AddMinutes(3));

        Assert.Equal([queue.P2], drained.Select(d => d.ConversationId));
        Assert.Equal([queue.Urgent, queue.P2LongestWaiting, queue.P2], await AssignedToAsync(queue, queue.Zoe.Id));
        Assert.Empty(await DrainAsync(queue, Now.AddMinutes(4)));
    }

    // A backlog nobody can take (a team with nobody online, overnight) must not keep another team's free agent idle.
    [Fact]
    public async Task DrainQueuesAsync_LongBacklogNobodyCanTakeAhead_FreeAgentStillGetsTheirTeamsConversation()
    {
        var (backlogTeamId, _) = await Seed.TeamAsync("Backlog", Now, Ct);
        var backlog = await Task.WhenAll(Enumerable.Range(0, 600).Select(i => Seed.OpenAsync(backlogTeamId, Now.AddHours(-8).AddSeconds(i), Ct, Priority.P1)));
        var (teamId, _) = await Seed.TeamAsync("Support", Now, Ct);
        var free = await Seed.AgentAsync("Fay Free", [teamId], Now, Ct, capacity: 1, presence: Presence.Online);
        var waiting = await Seed.OpenAsync(teamId, Now, Ct, Priority.P4);
        try
        {
            var drained = await Routing.DrainQueuesAsync(Now.AddMinutes(1), Ct);

            Assert.Contains(drained, d => d.ConversationId == waiting.Id);
            Assert.Equal(free.Id, (await CurrentAsync(waiting.Id)).AssigneeId);
        }
        finally
        {
            // A shared database keeps no backlog ahead of the other tests' queues.
            await Task.WhenAll(backlog.Select(c => ResolveAsync(c.Id, free.Id, Now.AddMinutes(2))));
        }
    }

    // The same inside one team: a backlog needing a skill the free agent lacks must not hide what they can take.
    [Fact]
    public async Task DrainQueuesAsync_LongBacklogNeedingAMissingSkillAhead_FreeAgentStillGetsWhatTheyCanTake()
    {
        var teams = await TeamsAsync();
        var routed = teams.Route(RoutingSeed.ApiText);
        var backlog = await Task.WhenAll(Enumerable.Range(0, 600).Select(i => OpenRoutedAsync(routed, Now.AddHours(-8).AddSeconds(i))));
        Assert.All(backlog, c => Assert.Equal(teams.SpecialistsId, c.TeamId));
        var free = await Seed.AgentAsync("Gus Generalist", [teams.SpecialistsId], Now, Ct, capacity: 1, presence: Presence.Online);
        var waiting = await Seed.OpenAsync(teams.SpecialistsId, Now, Ct, Priority.P4);
        try
        {
            var drained = await Routing.DrainQueuesAsync(Now.AddMinutes(1), Ct);

            Assert.Contains(drained, d => d.ConversationId == waiting.Id);
            Assert.Equal(free.Id, (await CurrentAsync(waiting.Id)).AssigneeId);
        }
        finally
        {
            // A shared database keeps no backlog ahead of the other tests' queues.
            await Task.WhenAll(backlog.Select(c => ResolveAsync(c.Id, free.Id, Now.AddMinutes(2))));
        }
    }

    [Fact]
    public async Task DrainQueuesAsync_TransferredAwayFromRoutedTeam_RoutedSkillsNoLongerRequired()
    {
        var teams = await TeamsAsync();
        var sam = await Seed.AgentAsync("Sam Support", [teams.SupportId], Now, Ct, capacity: 3);
        var conversation = await OpenRoutedAsync(teams.Route(RoutingSeed.ApiText), Now);
        Assert.True((await Conversations.TransferAsync(conversation.Id, teams.SupportId, null, "Not an API question after all", sam.Id, Now.AddMinutes(1), Ct)).Done);
        Assert.True(await Teams.SetPresenceAsync(sam.Id, Presence.Online, Now.AddMinutes(2), Ct));

        var drained = await Routing.DrainQueuesAsync(Now.AddMinutes(3), Ct);

        var attempt = Assert.Single(drained, d => d.ConversationId == conversation.Id).Attempt;
        Assert.Equal((sam.Id, teams.Support), (attempt.AgentId, attempt.Team));
        Assert.Empty(attempt.RequiredSkills);
        Assert.Equal(sam.Id, (await CurrentAsync(conversation.Id)).AssigneeId);
    }

    // --- ReassignFromOfflineAsync ---

    private sealed record Offline(SeededStaff Olga, SeededStaff Pete, long TeamId, long First, long Second, long Resolved);

    /// <summary>
    /// Olga owns two open conversations and a resolved one, then goes offline at <see cref="WentOffline"/>;
    /// her colleague Pete (five free seats) has the given presence.
    /// </summary>
    private async Task<Offline> OwnerGoesOfflineAsync(Presence pete)
    {
        var start = WentOffline.AddHours(-2);
        var (teamId, _) = await Seed.TeamAsync("Support", start, Ct);
        var olga = await Seed.AgentAsync("Olga Owner", [teamId], start, Ct, capacity: 5, presence: Presence.Online);
        var colleague = await Seed.AgentAsync("Pete Colleague", [teamId], start, Ct, capacity: 5, presence: pete);
        var owned = new List<long>();
        foreach (var minutes in new[] { 30, 25, 20 })
        {
            var conversation = await Seed.OpenAsync(teamId, WentOffline.AddHours(-1), Ct);
            Assert.True((await Conversations.ClaimAsync(conversation.Id, olga.Id, WentOffline.AddMinutes(-minutes), Ct)).Done);
            owned.Add(conversation.Id);
        }
        Assert.True(await ResolveAsync(owned[2], olga.Id, WentOffline.AddMinutes(-10)));
        Assert.True(await Teams.SetPresenceAsync(olga.Id, Presence.Offline, WentOffline, Ct));
        return new Offline(olga, colleague, teamId, owned[0], owned[1], owned[2]);
    }

    [Fact]
    public async Task ReassignFromOfflineAsync_WithinGrace_NothingReturned()
    {
        var offline = await OwnerGoesOfflineAsync(Presence.Online);

        var changed = await Routing.ReassignFromOfflineAsync(Grace, WentOffline.AddMinutes(4), Ct);

        Assert.DoesNotContain(offline.First, changed);
        Assert.DoesNotContain(offline.Second, changed);
        Assert.Equal(offline.Olga.Id, (await CurrentAsync(offline.First)).AssigneeId);
        Assert.Equal(offline.Olga.Id, (await CurrentAsync(offline.Second)).AssigneeId);
        Assert.DoesNotContain("returned-to-queue", await EventKindsAsync(offline.First));
    }

    [Fact]
    public async Task ReassignFromOfflineAsync_AfterGrace_OpenConversationsReassignedToOnlineColleague()
    {
        var offline = await OwnerGoesOfflineAsync(Presence.Online);

        var changed = await Routing.ReassignFromOfflineAsync(Grace, WentOffline.AddMinutes(6), Ct);

        Assert.Contains(offline.First, changed);
        Assert.Contains(offline.Second, changed);
        foreach (var id in new[] { offline.First, offline.Second })
        {
            var current = await CurrentAsync(id);
            Assert.Equal((offline.Pete.Id, "Pete Colleague"), (current.AssigneeId, current.AssigneeName));
            var events = await Conversations.EventsAsync(id, Ct);
            Assert.Equal(["opened", "assigned", "returned-to-queue", "assigned"], events.Select(e => e.Kind));
            Assert.Equal(offline.Pete.Id, RoutingSeed.AgentOf(events[3]));
            Assert.Equal("reassigned after agent went offline", RoutingSeed.Data(events[3].Data).GetProperty("how").GetString());
        }
        Assert.Equal(2, (await AgentAsync(offline.Pete.Id)).OpenConversations);
        Assert.Equal(0, (await AgentAsync(offline.Olga.Id)).OpenConversations);
    }

    [Fact]
    public async Task ReassignFromOfflineAsync_AfterGrace_ReturnedToQueueEventNamesTheAgentAndWhy()
    {
        var offline = await OwnerGoesOfflineAsync(Presence.Online);

        await Routing.ReassignFromOfflineAsync(Grace, WentOffline.AddMinutes(6), Ct);

        var returned = Assert.Single(await Conversations.EventsAsync(offline.First, Ct), e => e.Kind == "returned-to-queue");
        Assert.Equal((WentOffline.AddMinutes(6), (long?)null), (returned.At, returned.ActorUserId));
        var data = RoutingSeed.Data(returned.Data);
        Assert.Equal(offline.Olga.Id, data.GetProperty("agentId").GetInt64());
        Assert.Equal("Olga Owner", data.GetProperty("agent").GetString());
        Assert.Equal($"Olga Owner has been offline since {WentOffline:yyyy-MM-dd HH:mm} UTC, longer than the 5 min grace period.", data.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ReassignFromOfflineAsync_ResolvedConversation_StaysWithItsAgent()
    {
        var offline = await OwnerGoesOfflineAsync(Presence.Online);

        var changed = await Routing.ReassignFromOfflineAsync(Grace, WentOffline.AddMinutes(6), Ct);

        Assert.DoesNotContain(offline.Resolved, changed);
        var resolved = await CurrentAsync(offline.Resolved);
        Assert.Equal((ConversationStatus.Resolved, (long?)offline.Olga.Id), (resolved.Status, resolved.AssigneeId));
    }

    [Fact]
    public async Task ReassignFromOfflineAsync_ClaimedAfterGoingOffline_Kept()
    {
        var offline = await OwnerGoesOfflineAsync(Presence.Online);
        var late = await Seed.OpenAsync(offline.TeamId, WentOffline.AddMinutes(1), Ct);
        Assert.True((await Conversations.ClaimAsync(late.Id, offline.Olga.Id, WentOffline.AddMinutes(2), Ct)).Done);

        var changed = await Routing.ReassignFromOfflineAsync(Grace, WentOffline.AddMinutes(6), Ct);

        Assert.Contains(offline.First, changed);
        Assert.DoesNotContain(late.Id, changed);
        Assert.Equal(offline.Olga.Id, (await CurrentAsync(late.Id)).AssigneeId);
        Assert.Equal(["opened", "assigned"], await EventKindsAsync(late.Id));
    }

    [Fact]
    public async Task ReassignFromOfflineAsync_BackOnlineWithinGrace_Kept()
    {
        var offline = await OwnerGoesOfflineAsync(Presence.Online);
        Assert.True(await Teams.SetPresenceAsync(offline.Olga.Id, Presence.Online, WentOffline.AddMinutes(3), Ct));

        var changed = await Routing.ReassignFromOfflineAsync(Grace, WentOffline.AddMinutes(6), Ct);

        Assert.DoesNotContain(offline.First, changed);
        Assert.DoesNotContain(offline.Second, changed);
        Assert.Equal(offline.Olga.Id, (await CurrentAsync(offline.First)).AssigneeId);
        Assert.Equal(offline.Olga.Id, (await CurrentAsync(offline.Second)).AssigneeId);
    }

    [Fact]
    public async Task ReassignFromOfflineAsync_NoColleagueOnline_BackInTheQueueUnassigned()
    {
        var offline = await OwnerGoesOfflineAsync(Presence.Offline);

        var changed = await Routing.ReassignFromOfflineAsync(Grace, WentOffline.AddMinutes(6), Ct);

        Assert.Contains(offline.First, changed);
        Assert.Contains(offline.Second, changed);
        foreach (var id in new[] { offline.First, offline.Second })
        {
            var current = await CurrentAsync(id);
            Assert.Equal((ConversationStatus.Open, (long?)null, (long?)offline.TeamId), (current.Status, current.AssigneeId, current.TeamId));
            Assert.Equal("returned-to-queue", (await EventKindsAsync(id))[^1]);
        }
    }

    // --- Capacity on claims and transfers ---

    private const string AtCapacity = "at capacity (2/2 open conversations)";

    /// <summary>An agent with two seats, both taken, in a new team.</summary>
    private async Task<(SeededStaff Agent, long TeamId, IReadOnlyList<long> Owned)> FullAgentAsync()
    {
        var (teamId, _) = await Seed.TeamAsync("Support", Now, Ct);
        var agent = await Seed.AgentAsync("Cass Full", [teamId], Now, Ct, capacity: 2);
        return (agent, teamId, await LoadAsync(agent.Id, teamId, 2));
    }

    [Fact]
    public async Task ClaimAsync_AgentAtCapacity_RefusedAndStaysUnassigned()
    {
        var (agent, teamId, _) = await FullAgentAsync();
        var waiting = await Seed.OpenAsync(teamId, Now, Ct);

        var outcome = await Conversations.ClaimAsync(waiting.Id, agent.Id, Now.AddMinutes(1), Ct);

        Assert.Equal(new ClaimOutcome(false, AtCapacity), outcome);
        Assert.Null((await CurrentAsync(waiting.Id)).AssigneeId);
        Assert.Equal(["opened"], await EventKindsAsync(waiting.Id));
        Assert.Equal(2, (await AgentAsync(agent.Id)).OpenConversations);
    }

    [Fact]
    public async Task ClaimAsync_OwnedConversationsPending_StillAtCapacity()
    {
        var (teamId, _) = await Seed.TeamAsync("Support", Now, Ct);
        var agent = await Seed.AgentAsync("Cass Full", [teamId], Now, Ct, capacity: 2);
        for (var i = 0; i < 2; i++)
        {
            var owned = await Seed.OpenAsync(teamId, Now, Ct);
            Assert.True((await Conversations.ClaimAsync(owned.Id, agent.Id, Now, Ct)).Done);
            Assert.True(await Conversations.SetStatusAsync(owned.Id, ConversationStatus.Open, ConversationStatus.Pending, null, "pending", agent.Id, null, Now, Ct));
        }
        var waiting = await Seed.OpenAsync(teamId, Now, Ct);

        Assert.Equal(new ClaimOutcome(false, AtCapacity), await Conversations.ClaimAsync(waiting.Id, agent.Id, Now.AddMinutes(1), Ct));
    }

    [Fact]
    public async Task ClaimAsync_SeatFreedByResolving_Claimed()
    {
        var (teamId, _) = await Seed.TeamAsync("Support", Now, Ct);
        var agent = await Seed.AgentAsync("Cass Full", [teamId], Now, Ct, capacity: 2);
        var owned = await Seed.OpenAsync(teamId, Now, Ct);
        Assert.True((await Conversations.ClaimAsync(owned.Id, agent.Id, Now, Ct)).Done);
        await LoadAsync(agent.Id, teamId, 1);
        Assert.True(await ResolveAsync(owned.Id, agent.Id, Now.AddMinutes(1)));
        var waiting = await Seed.OpenAsync(teamId, Now, Ct);

        var outcome = await Conversations.ClaimAsync(waiting.Id, agent.Id, Now.AddMinutes(2), Ct);

        Assert.Equal(new ClaimOutcome(true, null), outcome);
        Assert.Equal(agent.Id, (await CurrentAsync(waiting.Id)).AssigneeId);
    }

    [Fact]
    public async Task TransferAsync_ToAgentAtCapacity_RefusedAndNothingChanges()
    {
        var (full, fullTeamId, _) = await FullAgentAsync();
        var (teamId, _) = await Seed.TeamAsync("Triage", Now, Ct);
        var owner = await Seed.AgentAsync("Omar Owner", [teamId], Now, Ct);
        var conversation = await Seed.OpenAsync(teamId, Now, Ct);
        Assert.True((await Conversations.ClaimAsync(conversation.Id, owner.Id, Now, Ct)).Done);
        var before = await CurrentAsync(conversation.Id);

        var outcome = await Conversations.TransferAsync(conversation.Id, fullTeamId, full.Id, "Cass knows this customer", owner.Id, Now.AddMinutes(1), Ct);

        Assert.Equal(new ClaimOutcome(false, AtCapacity), outcome);
        Assert.Equal(before, await CurrentAsync(conversation.Id));
        Assert.Equal(["opened", "assigned"], await EventKindsAsync(conversation.Id));
        Assert.Equal(2, (await AgentAsync(full.Id)).OpenConversations);
    }

    [Fact]
    public async Task TransferAsync_ToAnotherTeamKeepingOwnerAtCapacity_Moved()
    {
        var (agent, _, owned) = await FullAgentAsync();
        var (billingId, billing) = await Seed.TeamAsync("Billing", Now, Ct);

        var outcome = await Conversations.TransferAsync(owned[0], billingId, agent.Id, "Billing question; Cass keeps it", agent.Id, Now.AddMinutes(1), Ct);

        Assert.Equal(new ClaimOutcome(true, null), outcome);
        var moved = await CurrentAsync(owned[0]);
        Assert.Equal((billing, (long?)agent.Id), (moved.TeamName, moved.AssigneeId));
        Assert.Equal(2, (await AgentAsync(agent.Id)).OpenConversations);
    }

    // --- Everything at once ---

    [Fact]
    public async Task ArrivalsClaimsAndDrainsAtOnce_NoAgentPastCapacityAndNoConversationWithTwoOwners()
    {
        const int Arrivals = 30;
        const int Capacity = 3;
        var teams = await TeamsAsync();
        var agents = new List<SeededStaff>();
        for (var i = 0; i < 4; i++)
        {
            agents.Add(await Seed.AgentAsync($"Rush Agent {i}", [teams.SupportId], Now, Ct, capacity: Capacity));
        }
        var routed = teams.RouteBilling();
        Assert.Equal(teams.SupportId, routed.TeamId);
        var customers = new List<long>();
        for (var i = 0; i < Arrivals; i++)
        {
            customers.Add(await Seed.CustomerAsync(Now, Ct));
        }
        var opened = new ConcurrentQueue<long>();
        var firstArrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nodes = Nodes(4);
        try
        {
            async Task ArriveAsync(int i)
            {
                var (conversation, _, _) = await new ConversationRepository(nodes[i % nodes.Count])
                    .OpenAsync(RoutingSeed.Conversation(customers[i], routed), Now.AddSeconds(i), Ct);
                opened.Enqueue(conversation.Id);
                firstArrival.TrySetResult();
            }
            // The agents start offline and come online one after another while conversations arrive, so routing
            // on arrival, the drains and the agents' own claims all compete for the same seats.
            async Task ComeOnlineAsync(int a)
            {
                await firstArrival.Task.WaitAsync(Ct);
                await Task.Delay(3 * a, Ct);
                Assert.True(await new TeamRepository(nodes[a % nodes.Count]).SetPresenceAsync(agents[a].Id, Presence.Online, Now.AddSeconds(a), Ct));
            }
            // Each agent keeps claiming whatever has arrived, taken or not.
            async Task<List<ClaimOutcome>> ClaimRandomlyAsync(int a)
            {
                var random = new Random(a);
                var conversations = new ConversationRepository(nodes[(a + 1) % nodes.Count]);
                var outcomes = new List<ClaimOutcome>();
                await firstArrival.Task.WaitAsync(Ct);
                for (var k = 0; k < 10; k++)
                {
                    var ids = opened.ToArray();
                    outcomes.Add(await conversations.ClaimAsync(ids[random.Next(ids.Length)], agents[a].Id, Now.AddSeconds(k), Ct));
                    await Task.Delay(random.Next(1, 5), Ct);
                }
                return outcomes;
            }
            async Task DrainRepeatedlyAsync(int d)
            {
                var routing = new RoutingRepository(nodes[(d + 2) % nodes.Count]);
                await firstArrival.Task.WaitAsync(Ct);
                for (var k = 0; k < 4; k++)
                {
                    await routing.DrainQueuesAsync(Now.AddSeconds(k), Ct);
                    await Task.Delay(2 + d, Ct);
                }
            }
            var claims = Enumerable.Range(0, agents.Count).Select(ClaimRandomlyAsync).ToList();

            await Task.WhenAll([
                .. Enumerable.Range(0, Arrivals).Select(ArriveAsync),
                .. Enumerable.Range(0, agents.Count).Select(ComeOnlineAsync),
                .. claims,
                .. Enumerable.Range(0, 3).Select(DrainRepeatedlyAsync),
            ]);
            // The periodic sweep, after everything: whatever seat is still free is taken now.
            await Routing.DrainQueuesAsync(Now.AddMinutes(1), Ct);

            var outcomes = (await Task.WhenAll(claims)).SelectMany(o => o).ToList();
            Assert.All(outcomes, o => Assert.True(o.Done || o.Refusal is null || o.Refusal == $"at capacity ({Capacity}/{Capacity} open conversations)", o.Refusal));
        }
        finally
        {
            nodes.ForEach(n => n.Dispose());
        }

        var agentIds = agents.Select(a => a.Id).ToHashSet();
        var conversations = await Task.WhenAll(opened.Select(CurrentAsync));
        Assert.Equal(Arrivals, conversations.Length);
        Assert.All(await Teams.ListAgentsAsync(Ct), a => Assert.True(!agentIds.Contains(a.UserId) || a.OpenConversations == Capacity, $"{a.Name} has {a.OpenConversations}"));
        Assert.Equal(agents.Count * Capacity, conversations.Count(c => c.AssigneeId is not null));
        Assert.All(conversations, c => Assert.True(c.AssigneeId is null || agentIds.Contains(c.AssigneeId.Value)));
        Assert.All(conversations, c => Assert.Equal((ConversationStatus.Open, teams.SupportId), (c.Status, c.TeamId ?? 0)));
        foreach (var conversation in conversations)
        {
            var assigned = (await Conversations.EventsAsync(conversation.Id, Ct)).Where(e => e.Kind == "assigned").ToList();
            if (conversation.AssigneeId is { } owner)
            {
                Assert.Equal(owner, RoutingSeed.AgentOf(Assert.Single(assigned)));
            }
            else
            {
                Assert.Empty(assigned);
            }
        }
    }

    // --- HistoryAsync ---

    [Fact]
    public async Task HistoryAsync_Period_RoutedArrivalsWithSnapshotTeamRuleAndPriority()
    {
        var teams = await TeamsAsync();
        var agent = await Seed.AgentAsync("Hana History", [teams.SupportId], Now, Ct);
        // Two years back: no other test routes conversations then.
        var from = Now.AddYears(-2);
        var to = from.AddDays(1);
        var api = teams.Route(RoutingSeed.ApiText);
        var billing = teams.RouteBilling();
        var before = await OpenRoutedAsync(billing, from.AddMinutes(-1));
        var first = await OpenRoutedAsync(api, from.AddHours(1));
        var second = await OpenRoutedAsync(billing, from.AddHours(2));
        var atEnd = await OpenRoutedAsync(api, to);
        var unrouted = await Seed.OpenAsync(teams.SupportId, from.AddHours(3), Ct);
        Assert.True(await ResolveAsync(second.Id, agent.Id, from.AddHours(4)));
        long[] mine = [before.Id, first.Id, second.Id, atEnd.Id, unrouted.Id];

        var history = (await Routing.HistoryAsync(from, to, Ct)).Where(h => mine.Contains(h.ConversationId)).ToList();

        Assert.Equal([first.Id, second.Id], history.Select(h => h.ConversationId));
        Assert.Equal((from.AddHours(1), (DateTimeOffset?)null, teams.Specialists, RoutingSeed.ApiRuleName, Priority.P2),
            (history[0].CreatedAt, history[0].ResolvedAt, history[0].ActualTeam, history[0].ActualRuleName, history[0].ActualPriority));
        Assert.Equal(RoutingJson.Write(api.Signals), RoutingJson.Write(history[0].Signals));
        Assert.Equal((from.AddHours(2), (DateTimeOffset?)from.AddHours(4), teams.Support, RoutingSeed.DefaultRuleName, Priority.P3),
            (history[1].CreatedAt, history[1].ResolvedAt, history[1].ActualTeam, history[1].ActualRuleName, history[1].ActualPriority));
        Assert.Equal(RoutingJson.Write(billing.Signals), RoutingJson.Write(history[1].Signals));
    }
}
