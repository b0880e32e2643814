using Workspace.Data.Conversations;
using Workspace.Data.Database;
using Workspace.Data.Teams;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Conversations;

namespace Workspace.Data.Tests.Conversations;

/// <summary>What <see cref="ConversationRepository"/> promises on every provider.</summary>
public abstract class ConversationRepositoryContract : DatabaseTest
{
    private ConversationRepository Conversations => new(Db);

    private WorkspaceSeed Seed => new(Db);

    private static NewMessage Customer(string body = "Are you there?", string? clientId = null) =>
        new(AuthorKind.Customer, null, clientId ?? WorkspaceSeed.NewClientId(), body);

    private static NewMessage Reply(long agentId, string body = "Yes, looking at it now.", string? clientId = null) =>
        new(AuthorKind.Agent, agentId, clientId ?? WorkspaceSeed.NewClientId(), body);

    private static NewMessage Note(long agentId, string body = "Internal: likely the SSO bug.") =>
        new(AuthorKind.Note, agentId, WorkspaceSeed.NewClientId(), body);

    private async Task<ConversationRecord> CurrentAsync(long id) =>
        await Conversations.GetAsync(id, Ct) ?? throw new InvalidOperationException($"Conversation {id} vanished.");

    private async Task<IReadOnlyList<long>> SequencesAsync(long id, bool includeNotes = true) =>
        (await Conversations.MessagesAfterAsync(id, 0, 1000, includeNotes, Ct)).Select(m => m.Sequence).ToList();

    private async Task<IReadOnlyList<string>> EventKindsAsync(long id) =>
        (await Conversations.EventsAsync(id, Ct)).Select(e => e.Kind).ToList();

    /// <summary>A conversation of a new customer in a new team, with an agent of that team.</summary>
    private async Task<(ConversationRecord Conversation, long TeamId, SeededStaff Agent)> ScenarioAsync(Priority priority = Priority.P3)
    {
        var (teamId, _) = await Seed.TeamAsync("Support", Now, Ct);
        var agent = await Seed.AgentAsync("Alex Morgan", [teamId], Now, Ct);
        var conversation = await Seed.OpenAsync(teamId, Now, Ct, priority);
        return (conversation, teamId, agent);
    }

    /// <summary>Separate <see cref="Db"/> instances, as separate app nodes would have, over this test's database.</summary>
    private List<Db> Nodes(int count) => Enumerable.Range(0, count).Select(_ => new Db(Database.Options)).ToList();

    // --- OpenAsync ---

    [Fact]
    public async Task OpenAsync_NewConversation_OpenWaitingWithFirstMessageAtSequenceOne()
    {
        var (teamId, teamName) = await Seed.TeamAsync("General Support", Now, Ct);
        var customerId = await Seed.CustomerAsync(Now, Ct, name: "Grace Hopper", anonymous: true);
        var open = WorkspaceSeed.Conversation(customerId, teamId, Priority.P2, body: "My export fails", subject: "Export", channel: Channel.Email);

        var (conversation, message, created) = await Conversations.OpenAsync(open, Now, Ct);

        Assert.True(created);
        Assert.Equal(customerId, conversation.CustomerId);
        Assert.Equal("Grace Hopper", conversation.CustomerName);
        Assert.True(conversation.CustomerAnonymous);
        Assert.Equal(Channel.Email, conversation.Channel);
        Assert.Equal("Export", conversation.Subject);
        Assert.Equal(ConversationStatus.Open, conversation.Status);
        Assert.Equal(Priority.P2, conversation.Priority);
        Assert.Equal(teamId, conversation.TeamId);
        Assert.Equal(teamName, conversation.TeamName);
        Assert.Null(conversation.AssigneeId);
        Assert.Null(conversation.AssigneeName);
        Assert.Equal(Now, conversation.CreatedAt);
        Assert.Equal(Now, conversation.WaitingSince);
        Assert.Equal(Now, conversation.LastMessageAt);
        Assert.Equal("My export fails", conversation.LastMessagePreview);
        Assert.Equal(1, conversation.LastSequence);
        Assert.Null(conversation.FirstResponseAt);
        Assert.Null(conversation.ResolvedAt);
        Assert.Null(conversation.Csat);
        Assert.False(conversation.Escalated);
        Assert.Equal(
            new MessageRecord(message.Id, conversation.Id, 1, AuthorKind.Customer, null, null, "My export fails", open.FirstMessage.ClientMessageId, null, null, false, Now),
            message);
        Assert.Equal(conversation, await Conversations.GetAsync(conversation.Id, Ct));
    }

    [Fact]
    public async Task OpenAsync_SameFirstClientIdAgain_ReturnsFirstConversationAndStoresNothing()
    {
        var customerId = await Seed.CustomerAsync(Now, Ct);
        var open = WorkspaceSeed.Conversation(customerId, null, body: "First try");
        var (first, firstMessage, _) = await Conversations.OpenAsync(open, Now, Ct);

        var retry = open with { Subject = "Other", FirstMessage = open.FirstMessage with { Body = "Second try" } };
        var (again, againMessage, created) = await Conversations.OpenAsync(retry, Now.AddSeconds(5), Ct);

        Assert.False(created);
        Assert.Equal(first, again);
        Assert.Equal(firstMessage, againMessage);
        Assert.Equal([1L], await SequencesAsync(first.Id));
        Assert.Equal(["opened"], await EventKindsAsync(first.Id));
        Assert.Equal(first.Id, (await Conversations.LatestForCustomerAsync(customerId, Ct))?.Id);
    }

    // The widget's first send retried while the first attempt is still in flight.
    [Fact]
    public async Task OpenAsync_SameFirstClientIdConcurrently_OneConversation()
    {
        var customerId = await Seed.CustomerAsync(Now, Ct);
        var open = WorkspaceSeed.Conversation(customerId, null);
        var nodes = Nodes(6);
        try
        {
            var opened = await Task.WhenAll(nodes.Select(n => new ConversationRepository(n).OpenAsync(open, Now, Ct)));

            Assert.Single(opened, o => o.Created);
            var id = Assert.Single(opened.Select(o => o.Conversation.Id).Distinct());
            Assert.Equal([1L], await SequencesAsync(id));
        }
        finally
        {
            nodes.ForEach(n => n.Dispose());
        }
    }

    [Fact]
    public async Task OpenAsync_SameClientIdForAnotherCustomer_OpensItsOwnConversation()
    {
        var clientId = WorkspaceSeed.NewClientId();
        var first = await Conversations.OpenAsync(WorkspaceSeed.Conversation(await Seed.CustomerAsync(Now, Ct), null, clientMessageId: clientId), Now, Ct);

        var second = await Conversations.OpenAsync(WorkspaceSeed.Conversation(await Seed.CustomerAsync(Now, Ct), null, clientMessageId: clientId), Now, Ct);

        Assert.True(second.Created);
        Assert.NotEqual(first.Conversation.Id, second.Conversation.Id);
    }

    [Fact]
    public async Task OpenAsync_AgentStartsConversation_AnsweredAndNotWaiting()
    {
        var (teamId, _) = await Seed.TeamAsync("Proactive", Now, Ct);
        var agent = await Seed.AgentAsync("Alex Morgan", [teamId], Now, Ct);
        var customerId = await Seed.CustomerAsync(Now, Ct);
        var open = WorkspaceSeed.Conversation(customerId, teamId, channel: Channel.Proactive) with { FirstMessage = Reply(agent.Id, "Hi, can we help with the setup?") };

        var (conversation, message, _) = await Conversations.OpenAsync(open, Now, Ct);

        Assert.Equal(ConversationStatus.Pending, conversation.Status);
        Assert.Null(conversation.WaitingSince);
        Assert.Equal(Now, conversation.FirstResponseAt);
        Assert.Equal(AuthorKind.Agent, message.AuthorKind);
        Assert.Equal("Alex Morgan", message.AuthorName);
    }

    // --- AppendAsync: sequence numbers and idempotency ---

    [Fact]
    public async Task AppendAsync_SeveralMessages_SequenceNumbersContiguousFromOne()
    {
        var (conversation, _, agent) = await ScenarioAsync();

        var replies = new List<MessageRecord>();
        foreach (var message in new[] { Reply(agent.Id), Note(agent.Id), Customer(), Reply(agent.Id) })
        {
            replies.Add((await Conversations.AppendAsync(conversation.Id, message, Now.AddMinutes(replies.Count + 1), Ct)).Message);
        }

        Assert.Equal([2L, 3L, 4L, 5L], replies.Select(m => m.Sequence));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], await SequencesAsync(conversation.Id));
        Assert.Equal(5, (await CurrentAsync(conversation.Id)).LastSequence);
    }

    [Fact]
    public async Task AppendAsync_SameClientIdAgain_ReturnsOriginalAndStoresNothing()
    {
        var (conversation, _, _) = await ScenarioAsync();
        var clientId = WorkspaceSeed.NewClientId();
        var (original, created) = await Conversations.AppendAsync(conversation.Id, Customer("Hello?", clientId), Now.AddMinutes(1), Ct);
        var before = await CurrentAsync(conversation.Id);

        var (retried, createdAgain) = await Conversations.AppendAsync(conversation.Id, Customer("Hello? (edited)", clientId), Now.AddMinutes(2), Ct);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(original, retried);
        Assert.Equal("Hello?", retried.Body);
        Assert.Equal(before, await CurrentAsync(conversation.Id));
        Assert.Equal([1L, 2L], await SequencesAsync(conversation.Id));
    }

    [Fact]
    public async Task AppendAsync_SameClientIdInAnotherConversation_StoredInEach()
    {
        var (first, teamId, _) = await ScenarioAsync();
        var second = await Seed.OpenAsync(teamId, Now, Ct);
        var clientId = WorkspaceSeed.NewClientId();

        Assert.True((await Conversations.AppendAsync(first.Id, Customer("a", clientId), Now, Ct)).Created);
        Assert.True((await Conversations.AppendAsync(second.Id, Customer("b", clientId), Now, Ct)).Created);

        Assert.Equal([1L, 2L], await SequencesAsync(first.Id));
        Assert.Equal([1L, 2L], await SequencesAsync(second.Id));
    }

    [Fact]
    public async Task AppendAsync_ManySendersAtOnce_EachStoredOnceWithContiguousSequence()
    {
        var (conversation, _, _) = await ScenarioAsync();
        var nodes = Nodes(4);
        try
        {
            var sends = Enumerable.Range(0, 24).Select(i =>
                new ConversationRepository(nodes[i % nodes.Count]).AppendAsync(conversation.Id, Customer($"message {i}"), Now.AddSeconds(i), Ct));

            var stored = await Task.WhenAll(sends);

            Assert.All(stored, s => Assert.True(s.Created));
            Assert.Equal(Enumerable.Range(2, 24).Select(i => (long)i), stored.Select(s => s.Message.Sequence).Order());
            Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), await SequencesAsync(conversation.Id));
            Assert.Equal(25, (await CurrentAsync(conversation.Id)).LastSequence);
        }
        finally
        {
            nodes.ForEach(n => n.Dispose());
        }
    }

    // A widget retrying while its first send is still in flight: both calls must get the one stored message.
    [Fact]
    public async Task AppendAsync_SameClientIdSentConcurrently_StoredOnceAndBothGetIt()
    {
        var (conversation, _, _) = await ScenarioAsync();
        var clientId = WorkspaceSeed.NewClientId();
        var nodes = Nodes(6);
        try
        {
            var stored = await Task.WhenAll(nodes.Select(n =>
                new ConversationRepository(n).AppendAsync(conversation.Id, Customer("double submit", clientId), Now.AddSeconds(1), Ct)));

            Assert.Single(stored, s => s.Created);
            Assert.Single(stored.Select(s => s.Message.Id).Distinct());
            Assert.Equal([1L, 2L], await SequencesAsync(conversation.Id));
        }
        finally
        {
            nodes.ForEach(n => n.Dispose());
        }
    }

    [Fact]
    public async Task AppendAsync_UnknownConversation_ThrowsNotFound() =>
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => Conversations.AppendAsync(long.MaxValue - 7, Customer(), Now, Ct));

    [Fact]
    public async Task AppendAsync_StoredMessage_RoundTripsEveryField()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        var message = new NewMessage(AuthorKind.Agent, agent.Id, WorkspaceSeed.NewClientId(), "Line one\nLine two <b>not bold</b> ü", "refund.approved", 3, Edited: true);

        var (stored, _) = await Conversations.AppendAsync(conversation.Id, message, Now.AddMinutes(1), Ct);

        var expected = new MessageRecord(stored.Id, conversation.Id, 2, AuthorKind.Agent, agent.Id, "Alex Morgan", message.Body,
            message.ClientMessageId, "refund.approved", 3, true, Now.AddMinutes(1));
        Assert.Equal(expected, stored);
        Assert.Equal(expected, (await Conversations.MessagesAfterAsync(conversation.Id, 1, 10, includeNotes: false, Ct)).Single());
    }

    // --- AppendAsync: what each kind of message does to the conversation ---

    [Fact]
    public async Task AppendAsync_AgentReply_AnswersAndStopsWaiting()
    {
        var (conversation, _, agent) = await ScenarioAsync();

        await Conversations.AppendAsync(conversation.Id, Reply(agent.Id, "Looking into it"), Now.AddMinutes(3), Ct);

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(ConversationStatus.Pending, current.Status);
        Assert.Null(current.WaitingSince);
        Assert.Equal(Now.AddMinutes(3), current.FirstResponseAt);
        Assert.Equal(Now.AddMinutes(3), current.LastMessageAt);
        Assert.Equal("Looking into it", current.LastMessagePreview);
    }

    [Fact]
    public async Task AppendAsync_SecondAgentReply_FirstResponseTimeKept()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        await Conversations.AppendAsync(conversation.Id, Reply(agent.Id), Now.AddMinutes(3), Ct);
        await Conversations.AppendAsync(conversation.Id, Customer(), Now.AddMinutes(4), Ct);

        await Conversations.AppendAsync(conversation.Id, Reply(agent.Id), Now.AddMinutes(9), Ct);

        Assert.Equal(Now.AddMinutes(3), (await CurrentAsync(conversation.Id)).FirstResponseAt);
    }

    [Fact]
    public async Task AppendAsync_CustomerWritesAfterReply_OpenAndWaitingSinceThatMessage()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        await Conversations.AppendAsync(conversation.Id, Reply(agent.Id), Now.AddMinutes(3), Ct);

        await Conversations.AppendAsync(conversation.Id, Customer("Still broken"), Now.AddMinutes(7), Ct);

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(ConversationStatus.Open, current.Status);
        Assert.Equal(Now.AddMinutes(7), current.WaitingSince);
        Assert.Equal(Now.AddMinutes(7), current.LastMessageAt);
        Assert.Equal("Still broken", current.LastMessagePreview);
    }

    [Fact]
    public async Task AppendAsync_CustomerWritesAgainUnanswered_WaitingSinceFirstUnansweredMessage()
    {
        var (conversation, _, _) = await ScenarioAsync();

        await Conversations.AppendAsync(conversation.Id, Customer("Hello??"), Now.AddMinutes(5), Ct);

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(Now, current.WaitingSince);
        Assert.Equal(Now.AddMinutes(5), current.LastMessageAt);
    }

    [Fact]
    public async Task AppendAsync_CustomerWritesToResolved_ReopensAndWaiting()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        await Conversations.AppendAsync(conversation.Id, Reply(agent.Id), Now.AddMinutes(1), Ct);
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Pending, ConversationStatus.Resolved, null, "resolved", agent.Id, null, Now.AddMinutes(2), Ct));

        await Conversations.AppendAsync(conversation.Id, Customer("It broke again"), Now.AddMinutes(30), Ct);

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(ConversationStatus.Open, current.Status);
        Assert.Null(current.ResolvedAt);
        Assert.Equal(Now.AddMinutes(30), current.WaitingSince);
    }

    [Fact]
    public async Task AppendAsync_CustomerWritesToResolved_TimelineSaysTheCustomerReopenedIt()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        await Conversations.AppendAsync(conversation.Id, Reply(agent.Id), Now.AddMinutes(1), Ct);
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Pending, ConversationStatus.Resolved, null, "resolved", agent.Id, null, Now.AddMinutes(2), Ct));

        await Conversations.AppendAsync(conversation.Id, Customer("It broke again"), Now.AddMinutes(30), Ct);
        await Conversations.AppendAsync(conversation.Id, Customer("Still broken"), Now.AddMinutes(31), Ct);

        var reopened = Assert.Single(await Conversations.EventsAsync(conversation.Id, Ct), e => e.Kind == "reopened");
        Assert.Equal(Now.AddMinutes(30), reopened.At);
        Assert.Null(reopened.ActorUserId);
        Assert.Contains("\"by\":\"customer\"", reopened.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_CustomerWritesToSnoozed_WakesIt()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Snoozed, Now.AddDays(1), "snoozed", agent.Id, null, Now.AddMinutes(1), Ct));

        await Conversations.AppendAsync(conversation.Id, Customer("Any news?"), Now.AddMinutes(10), Ct);

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(ConversationStatus.Open, current.Status);
        Assert.Null(current.SnoozedUntil);
    }

    [Fact]
    public async Task AppendAsync_AgentReplyToSnoozed_StaysSnoozed()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Snoozed, Now.AddDays(1), "snoozed", agent.Id, null, Now.AddMinutes(1), Ct));

        await Conversations.AppendAsync(conversation.Id, Reply(agent.Id), Now.AddMinutes(2), Ct);

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(ConversationStatus.Snoozed, current.Status);
        Assert.Equal(Now.AddDays(1), current.SnoozedUntil);
        Assert.Null(current.WaitingSince);
    }

    [Fact]
    public async Task AppendAsync_AgentReplyToResolved_RefusedAndNothingStored()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Resolved, null, "resolved", agent.Id, null, Now.AddMinutes(1), Ct));
        var before = await CurrentAsync(conversation.Id);

        await Assert.ThrowsAsync<InvalidConversationTransitionException>(() => Conversations.AppendAsync(conversation.Id, Reply(agent.Id), Now.AddMinutes(2), Ct));

        Assert.Equal(before, await CurrentAsync(conversation.Id));
        Assert.Equal([1L], await SequencesAsync(conversation.Id));
    }

    [Theory]
    [InlineData(AuthorKind.Note)]
    [InlineData(AuthorKind.System)]
    public async Task AppendAsync_NoteOrSystemMessage_LeavesStatusWaitingAndPreview(AuthorKind kind)
    {
        var (conversation, _, agent) = await ScenarioAsync();
        var before = await CurrentAsync(conversation.Id);

        var (stored, _) = await Conversations.AppendAsync(conversation.Id,
            new NewMessage(kind, kind == AuthorKind.Note ? agent.Id : null, WorkspaceSeed.NewClientId(), "Internal only"), Now.AddMinutes(4), Ct);

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(2, stored.Sequence);
        Assert.Equal(2, current.LastSequence);
        Assert.Equal(before.Status, current.Status);
        Assert.Equal(before.WaitingSince, current.WaitingSince);
        Assert.Equal(before.LastMessageAt, current.LastMessageAt);
        Assert.Equal(before.LastMessagePreview, current.LastMessagePreview);
        Assert.Null(current.FirstResponseAt);
    }

    [Fact]
    public async Task AppendAsync_LongMultilineBody_PreviewIsOneShortLine()
    {
        var (conversation, _, _) = await ScenarioAsync();
        var body = "First line\r\nsecond\tline\n" + new string('x', 300);

        await Conversations.AppendAsync(conversation.Id, Customer(body), Now.AddMinutes(1), Ct);

        var preview = (await CurrentAsync(conversation.Id)).LastMessagePreview;
        Assert.NotNull(preview);
        Assert.Equal(ConversationRepository.PreviewLength, preview.Length);
        Assert.StartsWith("First line second line xxx", preview, StringComparison.Ordinal);
        Assert.EndsWith("…", preview, StringComparison.Ordinal);
    }

    // --- Paging ---

    /// <summary>Sequence 1 is the customer's opening message; then reply, note, customer, note, reply (2..6).</summary>
    private async Task<ConversationRecord> HistoryAsync()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        NewMessage[] rest = [Reply(agent.Id), Note(agent.Id), Customer(), Note(agent.Id), Reply(agent.Id)];
        for (var i = 0; i < rest.Length; i++)
        {
            await Conversations.AppendAsync(conversation.Id, rest[i], Now.AddMinutes(i + 1), Ct);
        }
        return conversation;
    }

    [Fact]
    public async Task MessagesAfterAsync_LastSeenSequence_LaterMessagesInOrderUpToTake()
    {
        var conversation = await HistoryAsync();

        var page = await Conversations.MessagesAfterAsync(conversation.Id, 2, 3, includeNotes: true, Ct);

        Assert.Equal([3L, 4L, 5L], page.Select(m => m.Sequence));
    }

    [Fact]
    public async Task MessagesAfterAsync_WithoutNotes_CustomerNeverSeesNotes()
    {
        var conversation = await HistoryAsync();

        var page = await Conversations.MessagesAfterAsync(conversation.Id, 0, 100, includeNotes: false, Ct);

        Assert.Equal([1L, 2L, 4L, 6L], page.Select(m => m.Sequence));
        Assert.DoesNotContain(page, m => m.AuthorKind == AuthorKind.Note);
    }

    [Fact]
    public async Task MessagesAfterAsync_UpToDate_Empty()
    {
        var conversation = await HistoryAsync();

        Assert.Empty(await Conversations.MessagesAfterAsync(conversation.Id, 6, 100, includeNotes: true, Ct));
    }

    [Fact]
    public async Task MessagesAfterAsync_OtherConversations_NotIncluded()
    {
        var conversation = await HistoryAsync();
        var other = await Seed.OpenAsync(conversation.TeamId, Now, Ct);

        var page = await Conversations.MessagesAfterAsync(other.Id, 0, 100, includeNotes: true, Ct);

        Assert.Equal([other.Id], page.Select(m => m.ConversationId));
    }

    [Fact]
    public async Task MessagesBeforeAsync_Latest_NewestPageOldestFirst()
    {
        var conversation = await HistoryAsync();

        var latest = await Conversations.MessagesBeforeAsync(conversation.Id, long.MaxValue, 3, includeNotes: true, Ct);
        var earlier = await Conversations.MessagesBeforeAsync(conversation.Id, latest[0].Sequence, 3, includeNotes: true, Ct);
        var earliest = await Conversations.MessagesBeforeAsync(conversation.Id, earlier[0].Sequence, 3, includeNotes: true, Ct);

        Assert.Equal([4L, 5L, 6L], latest.Select(m => m.Sequence));
        Assert.Equal([1L, 2L, 3L], earlier.Select(m => m.Sequence));
        Assert.Empty(earliest);
    }

    [Fact]
    public async Task MessagesBeforeAsync_WithoutNotes_PageCountsOnlyVisibleMessages()
    {
        var conversation = await HistoryAsync();

        var latest = await Conversations.MessagesBeforeAsync(conversation.Id, long.MaxValue, 3, includeNotes: false, Ct);

        Assert.Equal([2L, 4L, 6L], latest.Select(m => m.Sequence));
    }

    // --- ClaimAsync ---

    [Fact]
    public async Task ClaimAsync_Unassigned_AssignsRecordsAndTouchesAgent()
    {
        var (conversation, _, agent) = await ScenarioAsync();

        Assert.True((await Conversations.ClaimAsync(conversation.Id, agent.Id, Now.AddMinutes(2), Ct)).Done);

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(agent.Id, current.AssigneeId);
        Assert.Equal("Alex Morgan", current.AssigneeName);
        var assigned = (await Conversations.EventsAsync(conversation.Id, Ct))[^1];
        Assert.Equal(("assigned", agent.Id, "Alex Morgan", Now.AddMinutes(2)), (assigned.Kind, assigned.ActorUserId, assigned.ActorName, assigned.At));
        Assert.Equal(Now.AddMinutes(2), (await new TeamRepository(Db).ListAgentsAsync(Ct)).Single(a => a.UserId == agent.Id).LastAssignedAt);
    }

    [Fact]
    public async Task ClaimAsync_AlreadyTaken_FalseAndFirstAgentKeepsIt()
    {
        var (conversation, teamId, first) = await ScenarioAsync();
        var second = await Seed.AgentAsync("Maya Chen", [teamId], Now, Ct);
        Assert.True((await Conversations.ClaimAsync(conversation.Id, first.Id, Now.AddMinutes(1), Ct)).Done);

        Assert.False((await Conversations.ClaimAsync(conversation.Id, second.Id, Now.AddMinutes(2), Ct)).Done);

        Assert.Equal(first.Id, (await CurrentAsync(conversation.Id)).AssigneeId);
        Assert.Single(await EventKindsAsync(conversation.Id), k => k == "assigned");
    }

    [Fact]
    public async Task ClaimAsync_ManyAgentsAtOnce_ExactlyOneWins()
    {
        var (conversation, teamId, _) = await ScenarioAsync();
        var agents = new List<SeededStaff>();
        for (var i = 0; i < 8; i++)
        {
            agents.Add(await Seed.AgentAsync($"Agent {i}", [teamId], Now, Ct));
        }
        var nodes = Nodes(agents.Count);
        try
        {
            var results = await Task.WhenAll(agents.Select((a, i) =>
                new ConversationRepository(nodes[i]).ClaimAsync(conversation.Id, a.Id, Now.AddMinutes(1), Ct)));

            var winner = Assert.Single(agents.Zip(results), r => r.Second.Done).First;
            Assert.Equal(winner.Id, (await CurrentAsync(conversation.Id)).AssigneeId);
            Assert.Single(await EventKindsAsync(conversation.Id), k => k == "assigned");
        }
        finally
        {
            nodes.ForEach(n => n.Dispose());
        }
    }

    [Fact]
    public async Task ClaimAsync_Resolved_False()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Resolved, null, "resolved", agent.Id, null, Now, Ct));

        Assert.False((await Conversations.ClaimAsync(conversation.Id, agent.Id, Now.AddMinutes(1), Ct)).Done);

        Assert.Null((await CurrentAsync(conversation.Id)).AssigneeId);
    }

    [Fact]
    public async Task ClaimAsync_UnknownConversation_False()
    {
        var (_, _, agent) = await ScenarioAsync();

        Assert.False((await Conversations.ClaimAsync(long.MaxValue - 7, agent.Id, Now, Ct)).Done);
    }

    // --- TransferAsync ---

    [Fact]
    public async Task TransferAsync_ToTeamAndAgent_MovesAndRecordsWhyAndFromWhere()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        var (billingId, billingName) = await Seed.TeamAsync("Billing", Now, Ct);
        var specialist = await Seed.AgentAsync("Maya Chen", [billingId], Now, Ct);
        Assert.True((await Conversations.ClaimAsync(conversation.Id, agent.Id, Now, Ct)).Done);

        Assert.True((await Conversations.TransferAsync(conversation.Id, billingId, specialist.Id, "Refund over limit", agent.Id, Now.AddMinutes(5), Ct)).Done);

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal((billingId, billingName, specialist.Id, "Maya Chen"), (current.TeamId, current.TeamName, current.AssigneeId, current.AssigneeName));
        var transferred = (await Conversations.EventsAsync(conversation.Id, Ct))[^1];
        Assert.Equal(("transferred", agent.Id, Now.AddMinutes(5)), (transferred.Kind, transferred.ActorUserId, transferred.At));
        Assert.NotNull(transferred.Data);
        Assert.Contains("Refund over limit", transferred.Data, StringComparison.Ordinal);
        Assert.Contains(conversation.TeamName!, transferred.Data, StringComparison.Ordinal);
        Assert.Contains("Alex Morgan", transferred.Data, StringComparison.Ordinal);
        Assert.Equal(Now.AddMinutes(5), (await new TeamRepository(Db).ListAgentsAsync(Ct)).Single(a => a.UserId == specialist.Id).LastAssignedAt);
    }

    [Fact]
    public async Task TransferAsync_ToTeamOnly_BackInThatTeamsQueue()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        var (billingId, _) = await Seed.TeamAsync("Billing", Now, Ct);
        Assert.True((await Conversations.ClaimAsync(conversation.Id, agent.Id, Now, Ct)).Done);

        Assert.True((await Conversations.TransferAsync(conversation.Id, billingId, null, "Billing question", agent.Id, Now.AddMinutes(1), Ct)).Done);

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(billingId, current.TeamId);
        Assert.Null(current.AssigneeId);
    }

    [Fact]
    public async Task TransferAsync_Resolved_FalseAndUnchanged()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        var (billingId, _) = await Seed.TeamAsync("Billing", Now, Ct);
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Resolved, null, "resolved", agent.Id, null, Now, Ct));

        Assert.False((await Conversations.TransferAsync(conversation.Id, billingId, null, "Too late", agent.Id, Now.AddMinutes(1), Ct)).Done);

        Assert.Equal(conversation.TeamId, (await CurrentAsync(conversation.Id)).TeamId);
        Assert.DoesNotContain("transferred", await EventKindsAsync(conversation.Id));
    }

    [Fact]
    public async Task TransferAsync_UnknownConversation_False()
    {
        var (_, teamId, agent) = await ScenarioAsync();

        Assert.False((await Conversations.TransferAsync(long.MaxValue - 7, teamId, null, "Nowhere", agent.Id, Now, Ct)).Done);
    }

    // --- SetStatusAsync ---

    [Fact]
    public async Task SetStatusAsync_Resolve_ResolvedNotWaitingAndRecorded()
    {
        var (conversation, _, agent) = await ScenarioAsync();

        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Resolved, null, "resolved", agent.Id, null, Now.AddHours(1), Ct));

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(ConversationStatus.Resolved, current.Status);
        Assert.Equal(Now.AddHours(1), current.ResolvedAt);
        Assert.Null(current.WaitingSince);
        var resolved = (await Conversations.EventsAsync(conversation.Id, Ct))[^1];
        Assert.Equal(("resolved", agent.Id, Now.AddHours(1)), (resolved.Kind, resolved.ActorUserId, resolved.At));
    }

    [Fact]
    public async Task SetStatusAsync_Snooze_StoresUntilAndKeepsWaiting()
    {
        var (conversation, _, agent) = await ScenarioAsync();

        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Snoozed, Now.AddDays(2), "snoozed", agent.Id,
            new { until = Now.AddDays(2) }, Now.AddMinutes(1), Ct));

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(ConversationStatus.Snoozed, current.Status);
        Assert.Equal(Now.AddDays(2), current.SnoozedUntil);
        Assert.Equal(Now, current.WaitingSince);
        Assert.NotNull((await Conversations.EventsAsync(conversation.Id, Ct))[^1].Data);
    }

    [Fact]
    public async Task SetStatusAsync_ReopenResolved_OpenAgainWithoutResolvedTime()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Resolved, null, "resolved", agent.Id, null, Now.AddMinutes(1), Ct));

        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Resolved, ConversationStatus.Open, null, "reopened", agent.Id, null, Now.AddMinutes(2), Ct));

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(ConversationStatus.Open, current.Status);
        Assert.Null(current.ResolvedAt);
        Assert.Null(current.SnoozedUntil);
    }

    [Fact]
    public async Task SetStatusAsync_StaleExpectedStatus_FalseAndNothingRecorded()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        var kindsBefore = await EventKindsAsync(conversation.Id);

        // The caller saw Pending, but the customer wrote meanwhile and it is Open.
        Assert.False(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Pending, ConversationStatus.Resolved, null, "resolved", agent.Id, null, Now.AddMinutes(1), Ct));

        Assert.Equal(ConversationStatus.Open, (await CurrentAsync(conversation.Id)).Status);
        Assert.Equal(kindsBefore, await EventKindsAsync(conversation.Id));
    }

    [Fact]
    public async Task SetStatusAsync_UnknownConversation_False()
    {
        var (_, _, agent) = await ScenarioAsync();

        Assert.False(await Conversations.SetStatusAsync(long.MaxValue - 7, ConversationStatus.Open, ConversationStatus.Resolved, null, "resolved", agent.Id, null, Now, Ct));
    }

    // --- WakeSnoozedAsync ---
    // Other tests snooze for a day or more, so waking at Now + 1 hour leaves theirs alone in a shared database.

    [Fact]
    public async Task WakeSnoozedAsync_SnoozeOver_OpenAgainWithEvent()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Snoozed, Now.AddMinutes(30), "snoozed", agent.Id, null, Now, Ct));

        var woken = await Conversations.WakeSnoozedAsync(Now.AddHours(1), Ct);

        Assert.Contains(conversation.Id, woken);
        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(ConversationStatus.Open, current.Status);
        Assert.Null(current.SnoozedUntil);
        var woke = (await Conversations.EventsAsync(conversation.Id, Ct))[^1];
        Assert.Equal(("woke", null, Now.AddHours(1)), (woke.Kind, woke.ActorUserId, woke.At));
    }

    [Fact]
    public async Task WakeSnoozedAsync_SnoozeNotOver_StillSnoozed()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Snoozed, Now.AddHours(2), "snoozed", agent.Id, null, Now, Ct));

        var woken = await Conversations.WakeSnoozedAsync(Now.AddHours(1), Ct);

        Assert.DoesNotContain(conversation.Id, woken);
        Assert.Equal(ConversationStatus.Snoozed, (await CurrentAsync(conversation.Id)).Status);
        Assert.DoesNotContain("woke", await EventKindsAsync(conversation.Id));
    }

    [Fact]
    public async Task WakeSnoozedAsync_Twice_WokenOnce()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Snoozed, Now.AddMinutes(30), "snoozed", agent.Id, null, Now, Ct));
        await Conversations.WakeSnoozedAsync(Now.AddHours(1), Ct);

        Assert.DoesNotContain(conversation.Id, await Conversations.WakeSnoozedAsync(Now.AddHours(1), Ct));

        Assert.Single(await EventKindsAsync(conversation.Id), k => k == "woke");
    }

    // --- EscalateAsync ---

    private static readonly EscalationSummary Summary = new("Cleared cache, re-linked SSO", "No one at Acme can sign in", "Renewal next week");

    [Fact]
    public async Task EscalateAsync_AssignedP3_OneStepUpBackInNewTeamsQueueWithSummary()
    {
        var (conversation, _, agent) = await ScenarioAsync(Priority.P3);
        var (escalationsId, _) = await Seed.TeamAsync("Technical Escalations", Now, Ct);
        Assert.True((await Conversations.ClaimAsync(conversation.Id, agent.Id, Now, Ct)).Done);

        Assert.True(await Conversations.EscalateAsync(conversation.Id, escalationsId, Summary, agent.Id, Now.AddMinutes(10), Ct));

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(Priority.P2, current.Priority);
        Assert.True(current.Escalated);
        Assert.Equal(escalationsId, current.TeamId);
        Assert.Null(current.AssigneeId);
        var escalated = (await Conversations.EventsAsync(conversation.Id, Ct))[^1];
        Assert.Equal(("escalated", agent.Id), (escalated.Kind, escalated.ActorUserId));
        Assert.NotNull(escalated.Data);
        Assert.Contains(Summary.PreviousAttempts, escalated.Data, StringComparison.Ordinal);
        Assert.Contains(Summary.CustomerImpact, escalated.Data, StringComparison.Ordinal);
        Assert.Contains(Summary.BusinessContext!, escalated.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalateAsync_Twice_TwoStepsUpToP1AndNoFurther()
    {
        var (conversation, teamId, agent) = await ScenarioAsync(Priority.P3);

        Assert.True(await Conversations.EscalateAsync(conversation.Id, teamId, Summary, agent.Id, Now.AddMinutes(1), Ct));
        Assert.True(await Conversations.EscalateAsync(conversation.Id, teamId, Summary, agent.Id, Now.AddMinutes(2), Ct));
        Assert.Equal(Priority.P1, (await CurrentAsync(conversation.Id)).Priority);
        Assert.True(await Conversations.EscalateAsync(conversation.Id, teamId, Summary, agent.Id, Now.AddMinutes(3), Ct));

        Assert.Equal(Priority.P1, (await CurrentAsync(conversation.Id)).Priority);
    }

    [Fact]
    public async Task EscalateAsync_Resolved_FalseAndUnchanged()
    {
        var (conversation, teamId, agent) = await ScenarioAsync(Priority.P3);
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Resolved, null, "resolved", agent.Id, null, Now, Ct));

        Assert.False(await Conversations.EscalateAsync(conversation.Id, teamId, Summary, agent.Id, Now.AddMinutes(1), Ct));

        var current = await CurrentAsync(conversation.Id);
        Assert.Equal(Priority.P3, current.Priority);
        Assert.False(current.Escalated);
    }

    // --- RateAsync ---

    [Fact]
    public async Task RateAsync_Resolved_StoredAndLaterRatingReplacesIt()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Resolved, null, "resolved", agent.Id, null, Now, Ct));

        Assert.True(await Conversations.RateAsync(conversation.Id, 2, Now.AddMinutes(1), Ct));
        Assert.True(await Conversations.RateAsync(conversation.Id, 5, Now.AddMinutes(2), Ct));

        Assert.Equal(5, (await CurrentAsync(conversation.Id)).Csat);
        var ratings = (await Conversations.EventsAsync(conversation.Id, Ct)).Where(e => e.Kind == "csat").ToList();
        Assert.Equal(2, ratings.Count);
        Assert.All(ratings, r => Assert.Null(r.ActorUserId));
    }

    [Theory]
    [InlineData(ConversationStatus.Open)]
    [InlineData(ConversationStatus.Pending)]
    [InlineData(ConversationStatus.Snoozed)]
    public async Task RateAsync_NotResolved_FalseAndNotStored(ConversationStatus status)
    {
        var (conversation, _, agent) = await ScenarioAsync();
        if (status != ConversationStatus.Open)
        {
            Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, status, status == ConversationStatus.Snoozed ? Now.AddDays(1) : null,
                "changed", agent.Id, null, Now, Ct));
        }

        Assert.False(await Conversations.RateAsync(conversation.Id, 4, Now.AddMinutes(1), Ct));

        Assert.Null((await CurrentAsync(conversation.Id)).Csat);
        Assert.DoesNotContain("csat", await EventKindsAsync(conversation.Id));
    }

    // --- EventsAsync ---

    [Fact]
    public async Task EventsAsync_LifeOfAConversation_TimelineInOrder()
    {
        var (conversation, _, agent) = await ScenarioAsync();
        var (billingId, _) = await Seed.TeamAsync("Billing", Now, Ct);
        var minute = 0;
        DateTimeOffset Next() => Now.AddMinutes(++minute);

        Assert.True((await Conversations.ClaimAsync(conversation.Id, agent.Id, Next(), Ct)).Done);
        Assert.True((await Conversations.TransferAsync(conversation.Id, billingId, null, "Billing question", agent.Id, Next(), Ct)).Done);
        Assert.True(await Conversations.EscalateAsync(conversation.Id, billingId, Summary, agent.Id, Next(), Ct));
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Snoozed, Now.AddDays(1), "snoozed", agent.Id, null, Next(), Ct));
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Snoozed, ConversationStatus.Open, null, "reopened", agent.Id, null, Next(), Ct));
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, ConversationStatus.Open, ConversationStatus.Resolved, null, "resolved", agent.Id, null, Next(), Ct));
        Assert.True(await Conversations.RateAsync(conversation.Id, 5, Next(), Ct));

        var events = await Conversations.EventsAsync(conversation.Id, Ct);

        Assert.Equal(["opened", "assigned", "transferred", "escalated", "snoozed", "reopened", "resolved", "csat"], events.Select(e => e.Kind));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => Now.AddMinutes(i)), events.Select(e => e.At));
        Assert.All(events, e => Assert.Equal(conversation.Id, e.ConversationId));
        Assert.All(events.Skip(1).SkipLast(1), e => Assert.Equal("Alex Morgan", e.ActorName));
    }

    [Fact]
    public async Task EventsAsync_OtherConversations_NotIncluded()
    {
        var (conversation, teamId, agent) = await ScenarioAsync();
        var other = await Seed.OpenAsync(teamId, Now, Ct);
        Assert.True((await Conversations.ClaimAsync(other.Id, agent.Id, Now, Ct)).Done);

        Assert.Equal(["opened"], await EventKindsAsync(conversation.Id));
    }

    // --- LatestForCustomerAsync ---

    [Fact]
    public async Task LatestForCustomerAsync_SeveralConversations_NewestOne()
    {
        var customerId = await Seed.CustomerAsync(Now, Ct);
        await Seed.OpenAsync(null, Now.AddDays(-2), Ct, customerId: customerId);
        var newest = await Seed.OpenAsync(null, Now, Ct, customerId: customerId);
        // Stored last but started earlier (an imported email thread): creation time decides, not the id.
        await Seed.OpenAsync(null, Now.AddDays(-1), Ct, customerId: customerId);
        await Seed.OpenAsync(null, Now.AddDays(1), Ct);

        var latest = await Conversations.LatestForCustomerAsync(customerId, Ct);

        Assert.Equal(newest, latest);
    }

    [Fact]
    public async Task LatestForCustomerAsync_NoConversation_Null() =>
        Assert.Null(await Conversations.LatestForCustomerAsync(await Seed.CustomerAsync(Now, Ct), Ct));

    [Fact]
    public async Task GetAsync_Unknown_Null() => Assert.Null(await Conversations.GetAsync(long.MaxValue - 7, Ct));

    // --- EscalationFactsAsync ---

    [Fact]
    public async Task EscalationFactsAsync_CountsRepliesEarlierAndOpenConversations()
    {
        var (teamId, _) = await Seed.TeamAsync("Support", Now, Ct);
        var agent = await Seed.AgentAsync("Alex Morgan", [teamId], Now, Ct);
        var customerId = await Seed.CustomerAsync(Now, Ct);
        var resolvedEarlier = await Seed.OpenAsync(teamId, Now.AddDays(-3), Ct, customerId: customerId);
        Assert.True(await Conversations.SetStatusAsync(resolvedEarlier.Id, ConversationStatus.Open, ConversationStatus.Resolved, null, "resolved", agent.Id, null, Now.AddDays(-3), Ct));
        await Seed.OpenAsync(teamId, Now.AddDays(-1), Ct, customerId: customerId);
        var conversation = await Seed.OpenAsync(teamId, Now, Ct, customerId: customerId);
        foreach (var message in new[] { Reply(agent.Id), Note(agent.Id), Customer(), Reply(agent.Id) })
        {
            await Conversations.AppendAsync(conversation.Id, message, Now.AddMinutes(1), Ct);
        }
        await Seed.OpenAsync(teamId, Now, Ct);

        var facts = await Conversations.EscalationFactsAsync(conversation.Id, Ct);

        Assert.Equal((AgentReplies: 2, PreviousConversations: 2, OpenConversations: 2), facts);
    }

    // The prefilled summary calls these "earlier conversations with this customer".
    [Fact]
    public async Task EscalationFactsAsync_CustomerWroteAgainLater_LaterConversationNotCountedAsEarlier()
    {
        var customerId = await Seed.CustomerAsync(Now, Ct);
        var escalating = await Seed.OpenAsync(null, Now, Ct, customerId: customerId);
        await Seed.OpenAsync(null, Now.AddHours(2), Ct, customerId: customerId);

        var facts = await Conversations.EscalationFactsAsync(escalating.Id, Ct);

        Assert.Equal(0, facts.PreviousConversations);
        Assert.Equal(2, facts.OpenConversations);
    }
}
