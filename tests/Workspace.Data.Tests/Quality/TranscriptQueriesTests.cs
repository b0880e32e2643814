using Workspace.Data.Conversations;
using Workspace.Data.Quality;
using Workspace.Data.Tests.Conversations;
using Workspace.Data.Tests.Routing;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Conversations;
using Workspace.Domain.Routing;

namespace Workspace.Data.Tests.Quality;

/// <summary>What a conversation's transcript is read from, on every provider.</summary>
public abstract class TranscriptQueriesContract : DatabaseTest
{
    private TranscriptQueries Queries => new(Db);

    private ConversationRepository Conversations => new(Db);

    private WorkspaceSeed Seed => new(Db);

    [Fact]
    public async Task LoadAsync_RoutedConversation_EveryMessageEventAndTheDecision()
    {
        var (specialists, specialistsName) = await Seed.TeamAsync("Specialists", Now, Ct);
        var (general, generalName) = await Seed.TeamAsync("General", Now, Ct);
        var agent = await Seed.AgentAsync("Maya Chen", [specialists, general], Now, Ct);
        var teams = new Dictionary<string, long> { [specialistsName] = specialists, [generalName] = general };
        var routed = RoutingSeed.Route(RoutingSeed.Definition(specialistsName, generalName), 1, RoutingSeed.Signals(RoutingSeed.ApiText), teams);
        var (conversation, _, _) = await Conversations.OpenAsync(RoutingSeed.Conversation(await Seed.CustomerAsync(Now, Ct), routed), Now, Ct);
        var id = conversation.Id;
        Assert.True((await Conversations.ClaimAsync(id, agent.Id, Now.AddMinutes(1), Ct)).Done);
        await Conversations.AppendAsync(id, new NewMessage(AuthorKind.Agent, agent.Id, WorkspaceSeed.NewClientId(), "Hi, try again now.",
            "webhook-help", 3, Edited: true, TemplateRendered: "Hi Ada,\ntry again now."), Now.AddMinutes(2), Ct);
        await Conversations.AppendAsync(id, new NewMessage(AuthorKind.Note, agent.Id, WorkspaceSeed.NewClientId(), "Checked the logs, \"quoted\", fine."), Now.AddMinutes(3), Ct);
        Assert.True((await Conversations.TransferAsync(id, general, null, "billing, not API", agent.Id, Now.AddMinutes(4), Ct)).Done);
        await Conversations.RecordEventAsync(id, "automation-skipped", new { template = "ack", reason = "not published" }, Now.AddMinutes(5), Ct);
        var current = (await Conversations.GetAsync(id, Ct))!.Status;
        Assert.True(await Conversations.SetStatusAsync(id, current, ConversationStatus.Resolved, null, "resolved", agent.Id, null, Now.AddMinutes(6), Ct));
        Assert.True(await Conversations.RateAsync(id, 4, Now.AddMinutes(7), Ct));

        var transcript = await Queries.LoadAsync(id, Ct);

        Assert.NotNull(transcript);
        Assert.Equal(id, transcript.Conversation.Id);
        var t = transcript.Timeline;
        Assert.Equal(
            [(1L, AuthorKind.Customer, (string?)null, RoutingSeed.ApiText), (2L, AuthorKind.Agent, "Maya Chen", "Hi, try again now."), (3L, AuthorKind.Note, "Maya Chen", "Checked the logs, \"quoted\", fine.")],
            t.Messages.Select(m => (m.Sequence, m.Author, m.AuthorName, m.Body)));
        var reply = t.Messages[1];
        Assert.Equal(("webhook-help", (int?)3, true, "Hi Ada,\ntry again now.", Now.AddMinutes(2)), (reply.TemplateKey, reply.TemplateVersion, reply.Edited, reply.TemplateRendered, reply.At));
        Assert.Null(t.Messages[0].TemplateRendered);
        Assert.Equal(["opened", "routed", "assigned", "transferred", "automation-skipped", "resolved", "csat"], t.Events.Select(e => e.Kind));
        Assert.Equal([null, null, "Maya Chen", "Maya Chen", null, "Maya Chen", null], t.Events.Select(e => e.ActorName));
        Assert.Equal(Now.AddMinutes(4), t.Events[3].At);
        Assert.Contains("\"reason\":\"billing, not API\"", t.Events[3].Data, StringComparison.Ordinal);
        var routing = Assert.IsType<ConversationRouting>(t.Routing);
        Assert.Equal((RoutingSeed.ApiRuleName, specialistsName, Now), (routing.Decision.MatchedRuleName, routing.Team, routing.DecidedAt));
        Assert.Equal(generalName, t.TeamNames[general]);
        Assert.Equal("Maya Chen", t.StaffNames[agent.Id]);
    }

    [Fact]
    public async Task LoadAsync_OpenedBeforeRouting_NoDecision()
    {
        var (team, _) = await Seed.TeamAsync("Support", Now, Ct);
        var conversation = await Seed.OpenAsync(team, Now, Ct);

        var transcript = await Queries.LoadAsync(conversation.Id, Ct);

        Assert.NotNull(transcript);
        Assert.Null(transcript.Timeline.Routing);
        Assert.Equal(["opened"], transcript.Timeline.Events.Select(e => e.Kind));
        Assert.Single(transcript.Timeline.Messages);
    }

    [Fact]
    public async Task LoadAsync_UnknownConversation_Null() =>
        Assert.Null(await Queries.LoadAsync(long.MaxValue, Ct));
}

public sealed class TranscriptQueriesSqliteTests : TranscriptQueriesContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}

public sealed class TranscriptQueriesSqlServerTests(SqlServerTestServer server) : TranscriptQueriesContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
