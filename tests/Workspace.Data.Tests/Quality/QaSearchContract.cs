using Dapper;
using Workspace.Data.Conversations;
using Workspace.Data.Quality;
using Workspace.Data.Tests.Conversations;
using Workspace.Data.Tests.Routing;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Quality;

namespace Workspace.Data.Tests.Quality;

/// <summary>
/// What a QA reviewer's search returns on every provider. A shared database may hold other tests' rows, so
/// filters on shared values are checked on this test's conversations only; text, team and template filters
/// use values unique to the test.
/// </summary>
public abstract class QaSearchContract : DatabaseTest
{
    private const int Everything = 10_000;

    private QaSearchQueries Search => new(Db);

    private ConversationRepository Conversations => new(Db);

    private WorkspaceSeed Seed => new(Db);

    private static string Token() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>Five conversations, each named by what sets it apart, in two teams of this test.</summary>
    private sealed record World(long TeamA, long TeamB, long AgentA, string Token, string TemplateKey, IReadOnlyDictionary<string, long> Ids)
    {
        public long this[string name] => Ids[name];

        public List<string> NamesOf(IEnumerable<QaSearchRow> rows) =>
            rows.Select(r => Ids.FirstOrDefault(i => i.Value == r.ConversationId).Key).Where(n => n is not null).ToList();
    }

    private const string SetCustomerSql = "UPDATE customers SET tier = @Tier, lifecycle_stage = @Stage WHERE id = @Id";

    private async Task SetCustomerAsync(long customerId, Tier tier, LifecycleStage? stage) =>
        Assert.Equal(1, await Db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(SetCustomerSql,
            new { Id = customerId, Tier = tier.ToString(), Stage = stage?.ToString() }, t, cancellationToken: Ct)), Ct));

    private async Task AppendAsync(long id, AuthorKind kind, long? author, string body, DateTimeOffset at, string? templateKey = null, int? version = null) =>
        Assert.True((await Conversations.AppendAsync(id, new NewMessage(kind, author, WorkspaceSeed.NewClientId(), body, templateKey, version), at, Ct)).Created);

    private async Task ResolveAsync(long id, long actor, int csat, DateTimeOffset at)
    {
        var current = (await Conversations.GetAsync(id, Ct))!;
        Assert.True(await Conversations.SetStatusAsync(id, current.Status, ConversationStatus.Resolved, null, "resolved", actor, null, at, Ct));
        Assert.True(await Conversations.RateAsync(id, csat, at, Ct));
    }

    private async Task<World> WorldAsync()
    {
        var (teamA, teamAName) = await Seed.TeamAsync("Support", Now, Ct);
        var (teamB, teamBName) = await Seed.TeamAsync("Billing", Now, Ct);
        var agentA = await Seed.AgentAsync("Alex Morgan", [teamA], Now, Ct);
        var agentB = await Seed.AgentAsync("Maya Chen", [teamA], Now, Ct);
        var token = Token();
        var template = $"tpl_{token}";
        var ids = new Dictionary<string, long>();

        // Answered in 5 minutes (first-response target 15) from a template, resolved with 5 stars.
        var at = Now.AddMinutes(-600);
        var fast = await Seed.OpenAsync(teamA, at, Ct, Priority.P2);
        ids["fast"] = fast.Id;
        await SetCustomerAsync(fast.CustomerId, Tier.Enterprise, LifecycleStage.Adoption);
        await AppendAsync(fast.Id, AuthorKind.Customer, null, $"About {token}: the refund never arrived", at.AddMinutes(1));
        Assert.True((await Conversations.ClaimAsync(fast.Id, agentA.Id, at.AddMinutes(2), Ct)).Done);
        await AppendAsync(fast.Id, AuthorKind.Agent, agentA.Id, "Sorry about that, sending it again.", at.AddMinutes(5), template, 1);
        await ResolveAsync(fast.Id, agentA.Id, 5, at.AddMinutes(10));

        // Answered after 30 minutes from the template's second version, resolved with 2 stars.
        at = Now.AddMinutes(-500);
        var slow = await Seed.OpenAsync(teamA, at, Ct, Priority.P1);
        ids["slow"] = slow.Id;
        await SetCustomerAsync(slow.CustomerId, Tier.Pro, null);
        await AppendAsync(slow.Id, AuthorKind.Customer, null, $"{token} prerefund question", at.AddMinutes(1));
        Assert.True((await Conversations.ClaimAsync(slow.Id, agentB.Id, at.AddMinutes(2), Ct)).Done);
        await AppendAsync(slow.Id, AuthorKind.Agent, agentB.Id, "Here is how it works.", at.AddMinutes(30), template, 2);
        await ResolveAsync(slow.Id, agentB.Id, 2, at.AddMinutes(40));

        // Never answered, long past due, moved to the other team.
        at = Now.AddMinutes(-400);
        var moved = await Seed.OpenAsync(teamA, at, Ct);
        ids["moved"] = moved.Id;
        await SetCustomerAsync(moved.CustomerId, Tier.Free, null);
        await AppendAsync(moved.Id, AuthorKind.Customer, null, $"{token}", at.AddMinutes(1));
        await AppendAsync(moved.Id, AuthorKind.Customer, null, "refund please", at.AddMinutes(2));
        Assert.True((await Conversations.TransferAsync(moved.Id, teamB, null, "billing question", agentA.Id, at.AddMinutes(3), Ct)).Done);

        // Routed by the complex-API rule to the first team; unanswered past its 15-minute target.
        at = Now.AddMinutes(-300);
        var teams = new Dictionary<string, long> { [teamAName] = teamA, [teamBName] = teamB };
        var routedBy = RoutingSeed.Route(RoutingSeed.Definition(teamAName, teamBName), 1, RoutingSeed.Signals(RoutingSeed.ApiText), teams);
        var routedCustomer = await Seed.CustomerAsync(at, Ct);
        await SetCustomerAsync(routedCustomer, Tier.Free, null);
        var (routed, _, _) = await Conversations.OpenAsync(RoutingSeed.Conversation(routedCustomer, routedBy), at, Ct);
        ids["routed"] = routed.Id;

        // Opened five minutes ago: not answered, not yet due.
        at = Now.AddMinutes(-5);
        var fresh = await Seed.OpenAsync(teamB, at, Ct, Priority.P4);
        ids["fresh"] = fresh.Id;
        await SetCustomerAsync(fresh.CustomerId, Tier.Starter, LifecycleStage.Onboarding);

        return new World(teamA, teamB, agentA.Id, token, template, ids);
    }

    private async Task<(IReadOnlyList<QaSearchRow> Rows, int Total)> SearchAsync(QaSearchFilter filter, QaSort sort = QaSort.Newest, int skip = 0, int take = Everything) =>
        await Search.SearchAsync(filter, sort, skip, take, Now, Ct);

    /// <summary>This test's conversations that match, named, in the order listed.</summary>
    private async Task<List<string>> NamesAsync(World world, QaSearchFilter filter, QaSort sort = QaSort.Newest) =>
        world.NamesOf((await SearchAsync(filter, sort)).Rows);

    public static TheoryData<string, string[]> SingleFilters() => new()
    {
        { "period", ["routed", "moved"] },
        { "teamA", ["routed", "slow", "fast"] },
        { "teamB", ["fresh", "moved"] },
        { "assignee", ["fast"] },
        { "tier", ["fast"] },
        { "lifecycle", ["fresh"] },
        { "status", ["slow", "fast"] },
        { "csat", ["fast"] },
        { "csatAtMost", ["slow"] },
        { "priority", ["slow"] },
        { "slaMet", ["fast"] },
        { "slaMissed", ["routed", "moved", "slow"] },
        { "template", ["slow", "fast"] },
        { "templateVersion", ["slow"] },
        { "rule", ["routed"] },
        { "reassigned", ["moved"] },
        { "notReassigned", ["fresh", "routed", "slow", "fast"] },
    };

    private static QaSearchFilter FilterNamed(string name, World w) => name switch
    {
        "period" => new() { From = Now.AddMinutes(-450), To = Now.AddMinutes(-300).AddMilliseconds(1) },
        "teamA" => new() { TeamId = w.TeamA },
        "teamB" => new() { TeamId = w.TeamB },
        "assignee" => new() { AssigneeId = w.AgentA },
        "tier" => new() { Tier = Tier.Enterprise },
        "lifecycle" => new() { LifecycleStage = LifecycleStage.Onboarding },
        "status" => new() { Status = ConversationStatus.Resolved },
        "csat" => new() { Csat = 5 },
        "csatAtMost" => new() { CsatAtMost = 3 },
        "priority" => new() { Priority = Priority.P1 },
        "slaMet" => new() { SlaMet = true },
        "slaMissed" => new() { SlaMet = false },
        "template" => new() { TemplateKey = w.TemplateKey },
        "templateVersion" => new() { TemplateKey = w.TemplateKey, TemplateVersion = 2 },
        "rule" => new() { RuleId = RoutingSeed.ApiRuleId },
        "reassigned" => new() { Reassigned = true },
        "notReassigned" => new() { Reassigned = false },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(SingleFilters))]
    public async Task SearchAsync_OneFilter_ExactlyTheMatchingConversations(string filter, string[] expected)
    {
        var world = await WorldAsync();

        Assert.Equal(expected, await NamesAsync(world, FilterNamed(filter, world)));
    }

    [Fact]
    public async Task SearchAsync_NoFilter_EveryConversationNewestFirst()
    {
        var world = await WorldAsync();

        Assert.Equal(["fresh", "routed", "moved", "slow", "fast"], await NamesAsync(world, new QaSearchFilter()));
    }

    [Fact]
    public async Task SearchAsync_Text_WordsInOneMessageNotSubstringsNorAcrossMessages()
    {
        var world = await WorldAsync();

        // "fast" has both words in one message; "slow" only "prerefund"; "moved" has them in two messages.
        Assert.Equal(["fast"], await NamesAsync(world, new() { Text = $"{world.Token} refund" }));
        Assert.Equal(["fast"], await NamesAsync(world, new() { Text = $"{world.Token} REFU" }));
        Assert.Equal(["moved", "slow", "fast"], await NamesAsync(world, new() { Text = world.Token }));
        Assert.Empty(await NamesAsync(world, new() { Text = $"{world.Token} fund" }));
        Assert.Equal((0, 0), ((await SearchAsync(new() { Text = "\"*^()" })).Rows.Count, (await SearchAsync(new() { Text = "\"*^()" })).Total));
    }

    [Fact]
    public async Task SearchAsync_TextInAnyMessageOfTheConversation_Found()
    {
        var world = await WorldAsync();
        await AppendAsync(world["fresh"], AuthorKind.Customer, null, $"{world.Token} also asking about a refund", Now);

        Assert.Equal(["fresh", "fast"], await NamesAsync(world, new() { Text = $"refund {world.Token}" }));
        Assert.Equal(2, (await SearchAsync(new() { Text = $"refund {world.Token}" })).Total);
    }

    [Fact]
    public async Task SearchAsync_SeveralFilters_AllApply()
    {
        var world = await WorldAsync();

        Assert.Equal(["slow"], await NamesAsync(world, new() { TeamId = world.TeamA, Status = ConversationStatus.Resolved, SlaMet = false }));
        Assert.Equal(["routed"], await NamesAsync(world, new() { TeamId = world.TeamA, SlaMet = false, Tier = Tier.Free }));
        Assert.Equal(["moved"], await NamesAsync(world, new() { Text = world.Token, Reassigned = true }));
        Assert.Empty(await NamesAsync(world, new() { TemplateKey = world.TemplateKey, TemplateVersion = 1, Csat = 2 }));
    }

    [Theory]
    [InlineData(QaSort.Newest, new[] { "fresh", "routed", "moved", "slow", "fast" })]
    [InlineData(QaSort.Oldest, new[] { "fast", "slow", "moved", "routed", "fresh" })]
    [InlineData(QaSort.Priority, new[] { "slow", "fast", "routed", "moved", "fresh" })]
    [InlineData(QaSort.Csat, new[] { "slow", "fast", "fresh", "routed", "moved" })]
    [InlineData(QaSort.FirstResponse, new[] { "slow", "fast", "fresh", "routed", "moved" })]
    public async Task SearchAsync_Sort_ListsInThatOrder(QaSort sort, string[] expected)
    {
        var world = await WorldAsync();

        Assert.Equal(expected, await NamesAsync(world, new QaSearchFilter(), sort));
    }

    [Fact]
    public async Task SearchAsync_Page_TheRowsOfThatPageAndTheTotal()
    {
        var (team, _) = await Seed.TeamAsync("Paging", Now, Ct);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Seed.OpenAsync(team, Now.AddMinutes(-10 + i), Ct)).Id);
        }

        var (rows, total) = await SearchAsync(new() { TeamId = team }, QaSort.Oldest, skip: 1, take: 2);
        var (beyond, totalBeyond) = await SearchAsync(new() { TeamId = team }, QaSort.Oldest, skip: 5, take: 2);

        Assert.Equal([ids[1], ids[2]], rows.Select(r => r.ConversationId));
        Assert.Equal(5, total);
        Assert.Empty(beyond);
        Assert.Equal(5, totalBeyond);
    }

    [Fact]
    public async Task SearchAsync_Rows_CarryWhatTheReviewerSees()
    {
        var world = await WorldAsync();

        var rows = (await SearchAsync(new() { Text = world.Token })).Rows.Concat((await SearchAsync(new() { TeamId = world.TeamA })).Rows)
            .DistinctBy(r => r.ConversationId).ToDictionary(r => r.ConversationId);
        var fast = rows[world["fast"]];
        var moved = rows[world["moved"]];
        var routed = rows[world["routed"]];

        Assert.Equal(("Ada Lovelace", "Help needed", Channel.Chat, ConversationStatus.Resolved, Priority.P2), (fast.CustomerName, fast.Subject, fast.Channel, fast.Status, fast.Priority));
        Assert.StartsWith("cus_", fast.CustomerExternalId, StringComparison.Ordinal);
        Assert.StartsWith("Support ", fast.TeamName, StringComparison.Ordinal);
        Assert.Equal("Alex Morgan", fast.AssigneeName);
        Assert.Equal((Now.AddMinutes(-600), Now.AddMinutes(-595), Now.AddMinutes(-590)), (fast.CreatedAt, fast.FirstResponseAt!.Value, fast.ResolvedAt!.Value));
        Assert.Equal((5, true, false, 1, (string?)null), (fast.Csat, fast.SlaMet, fast.Reassigned, fast.TemplatesUsed, fast.RuleName));
        Assert.StartsWith("Billing ", moved.TeamName, StringComparison.Ordinal);
        Assert.Equal((false, true, (DateTimeOffset?)null, (string?)null), (moved.SlaMet, moved.Reassigned, moved.FirstResponseAt, moved.AssigneeName));
        Assert.Equal(RoutingSeed.ApiRuleName, routed.RuleName);
        Assert.Null((await SearchAsync(new() { TeamId = world.TeamB, LifecycleStage = LifecycleStage.Onboarding })).Rows.Single().SlaMet);
    }

    [Fact]
    public async Task SearchAsync_ReviewFilters_ReviewedFlaggedOrNot()
    {
        var token = Token();
        var template = $"tpl_{token}";
        var reviews = new ReviewSeed(Db);
        var card = await reviews.ScorecardAsync(Now, Ct);
        var reviewer = await reviews.ReviewerAsync(Now, Ct);
        var (team, _) = await Seed.TeamAsync($"Reviewed {token}", Now, Ct);
        var agent = await Seed.AgentAsync("Alex Morgan", [team], Now, Ct);
        var ids = new Dictionary<string, long>();
        foreach (var name in new[] { "untouched", "scored", "misrouted", "misfit" })
        {
            var opened = await Seed.OpenAsync(team, Now.AddHours(-1), Ct);
            await AppendAsync(opened.Id, AuthorKind.Customer, null, $"About {token}", Now.AddMinutes(-50));
            await AppendAsync(opened.Id, AuthorKind.Agent, agent.Id, "Here you go", Now.AddMinutes(-40), template, 1);
            ids[name] = opened.Id;
        }
        var repository = new ReviewRepository(Db);
        await repository.SaveAsync(ReviewSeed.Save(ids["scored"], reviewer.Id, card, ReviewSeed.Answers(2, 2, null)), ReviewSeed.Actor, Now, Ct);
        await repository.SaveAsync(ReviewSeed.Save(ids["misrouted"], reviewer.Id, card, ReviewSeed.Answers(2, 2, null, new WrongRouting("Billing")), team),
            ReviewSeed.Actor, Now, Ct);
        await repository.SaveAsync(ReviewSeed.Save(ids["misfit"], reviewer.Id, card, ReviewSeed.Answers(2, 2, null, new TemplateMisfit(template, 1))),
            ReviewSeed.Actor, Now, Ct);

        async Task<string[]> FoundAsync(QaSearchFilter filter) =>
            [.. (await SearchAsync(filter with { TeamId = team })).Rows.Select(r => ids.Single(i => i.Value == r.ConversationId).Key).Order()];

        Assert.Equal(["untouched"], await FoundAsync(new() { Review = QaReviewFilter.NotReviewed }));
        Assert.Equal(["misfit", "misrouted", "scored"], await FoundAsync(new() { Review = QaReviewFilter.Reviewed }));
        Assert.Equal(["misrouted"], await FoundAsync(new() { Review = QaReviewFilter.FlaggedWrongRouting }));
        Assert.Equal(["misfit"], await FoundAsync(new() { Review = QaReviewFilter.FlaggedMisfit, TemplateKey = template, TemplateVersion = 1 }));
        Assert.Empty(await FoundAsync(new() { Review = QaReviewFilter.FlaggedMisfit, TemplateKey = template, TemplateVersion = 2 }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task SearchAsync_CsatOutsideOneToFive_Refused(int csat) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SearchAsync(new() { Csat = csat }));
}

public sealed class QaSearchSqliteTests : QaSearchContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}

public sealed class QaSearchSqlServerTests(SqlServerTestServer server) : QaSearchContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
