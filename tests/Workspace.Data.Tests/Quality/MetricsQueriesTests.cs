using Dapper;
using Workspace.Data.Conversations;
using Workspace.Data.Database;
using Workspace.Data.Quality;
using Workspace.Data.Tests.Conversations;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Quality;

namespace Workspace.Data.Tests.Quality;

/// <summary>
/// The dashboard's SQL against hand-built conversations with known answers, against the in-memory definitions on a
/// random dataset, and the counters it trusts. Every metric spans the whole database, so each test has a file of its own.
/// </summary>
public sealed class MetricsQueriesTests : IAsyncLifetime
{
    // A Monday, so the days and the week of the period line up.
    private static readonly DateTimeOffset From = new(2026, 3, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(7);

    private readonly SqliteTestDatabase _file = SqliteTestDatabase.CreateMigrated();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Db Db => _file.Db;

    private WorkspaceSeed Seed => new(Db);

    private MetricsQueries Queries => new(Db);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    /// <summary>One conversation row as the test writes it: times relative to <see cref="From"/>.</summary>
    private sealed record Row(
        long CustomerId, long? TeamId, long? AgentId, DateTimeOffset CreatedAt, TimeSpan? FirstResponse = null, TimeSpan? Resolution = null,
        TimeSpan? FirstResponseTarget = null, int? Csat = null, int AgentMessages = 0, int TemplateMessages = 0, int Edited = 0,
        int Reassignments = 0, int Reopens = 0);

    private const string InsertConversationSql = """
        INSERT INTO conversations (customer_id, channel, status, priority, team_id, assignee_id, created_at, updated_at, first_response_at,
            resolved_at, csat, sla_first_response_due_at, agent_messages, template_messages, edited_template_messages, reassignments, reopens)
        VALUES (@CustomerId, 'Chat', @Status, 3, @TeamId, @AgentId, @CreatedAt, @CreatedAt, @FirstResponseAt, @ResolvedAt, @Csat, @Due,
            @AgentMessages, @TemplateMessages, @Edited, @Reassignments, @Reopens)
        RETURNING id
        """;

    private Task<long> InsertAsync(Row r) => Db.WriteAsync((c, t) => c.ExecuteScalarAsync<long>(new CommandDefinition(InsertConversationSql, new
    {
        r.CustomerId,
        Status = r.Resolution is null ? "Open" : "Resolved",
        r.TeamId,
        r.AgentId,
        CreatedAt = UnixTime.ToMs(r.CreatedAt),
        FirstResponseAt = UnixTime.ToMs(r.CreatedAt + r.FirstResponse),
        ResolvedAt = UnixTime.ToMs(r.CreatedAt + r.Resolution),
        r.Csat,
        Due = UnixTime.ToMs(r.CreatedAt + r.FirstResponseTarget),
        r.AgentMessages,
        r.TemplateMessages,
        r.Edited,
        r.Reassignments,
        r.Reopens,
    }, t, cancellationToken: Ct)), Ct);

    private const string SetCustomerSql = "UPDATE customers SET tier = @Tier, lifecycle_stage = @Stage WHERE id = @Id";

    private async Task<long> CustomerAsync(Tier tier, LifecycleStage? stage)
    {
        var id = await Seed.CustomerAsync(From.AddDays(-30), Ct);
        await Db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(SetCustomerSql,
            new { Id = id, Tier = tier.ToString(), Stage = stage?.ToString() }, t, cancellationToken: Ct)), Ct);
        return id;
    }

    private const string InsertScorecardSql = """
        INSERT INTO scorecard_versions (scorecard_key, version, name, criteria, retired, published_by, published_at)
        VALUES ('metrics-test', 1, 'Metrics test', '[]', 0, 'tests', 0)
        """;
    private const string InsertReviewSql = """
        INSERT INTO reviews (conversation_id, reviewer_id, scorecard_key, scorecard_version, answers, score, created_at, updated_at)
        VALUES (@ConversationId, @ReviewerId, 'metrics-test', 1, '[]', @Score, 0, 0)
        """;

    private async Task<Func<long, double?, Task>> ReviewerAsync()
    {
        await Db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(InsertScorecardSql, transaction: t, cancellationToken: Ct)), Ct);
        var reviewers = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            reviewers.Add((await Seed.StaffAsync("Quinn Avery", [Domain.Staff.Role.QA], From, Ct)).Id);
        }
        var next = new Dictionary<long, int>();
        return async (conversationId, score) =>
        {
            var index = next[conversationId] = next.GetValueOrDefault(conversationId) + 1;
            await Db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(InsertReviewSql,
                new { ConversationId = conversationId, ReviewerId = reviewers[index - 1], Score = score }, t, cancellationToken: Ct)), Ct);
        };
    }

    /// <summary>
    /// Five conversations in the week, one before it and one after it (a follow-up that still counts).
    /// c1..c3 answered in 4, 10 and 30 minutes (target 15) and resolved after 2, 6 and 1 hours, rated 5, 2 and 4;
    /// c4 unanswered past its target and returned to the queue once; c5 unanswered with its target after the period.
    /// </summary>
    private async Task<(string Support, string Billing, long Alex, long Maya)> HandBuiltWeekAsync()
    {
        var (support, supportName) = await Seed.TeamAsync("Support", From, Ct);
        var (billing, billingName) = await Seed.TeamAsync("Billing", From, Ct);
        var alex = (await Seed.AgentAsync("Alex Morgan", [support, billing], From, Ct)).Id;
        var maya = (await Seed.AgentAsync("Maya Chen", [support], From, Ct)).Id;
        var enterprise = await CustomerAsync(Tier.Enterprise, LifecycleStage.Adoption);
        var pro = await CustomerAsync(Tier.Pro, null);
        var free = await CustomerAsync(Tier.Free, LifecycleStage.Onboarding);
        var target = TimeSpan.FromMinutes(15);
        var review = await ReviewerAsync();

        await InsertAsync(new Row(enterprise, support, alex, From.AddDays(-3), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), target, 1));
        var c1 = await InsertAsync(new Row(enterprise, support, alex, From.AddHours(10), TimeSpan.FromMinutes(4), TimeSpan.FromHours(2), target, 5,
            AgentMessages: 2, TemplateMessages: 1));
        var c2 = await InsertAsync(new Row(enterprise, support, maya, From.AddDays(1).AddHours(10), TimeSpan.FromMinutes(10), TimeSpan.FromHours(6), target, 2,
            AgentMessages: 3, TemplateMessages: 2, Edited: 1));
        var c3 = await InsertAsync(new Row(pro, billing, alex, From.AddDays(2).AddHours(9), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), target, 4,
            AgentMessages: 1, Reopens: 1));
        await InsertAsync(new Row(free, billing, null, From.AddDays(3).AddHours(12), FirstResponseTarget: target, Reassignments: 1));
        await InsertAsync(new Row(pro, support, maya, From.AddDays(6).AddHours(23), FirstResponseTarget: TimeSpan.FromMinutes(70)));
        await InsertAsync(new Row(free, billing, alex, From.AddDays(8), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), target));

        await review(c1, 80);
        await review(c1, 90);
        await review(c2, null);
        await review(c3, 60);
        return (supportName, billingName, alex, maya);
    }

    [Fact]
    public async Task ReportAsync_HandBuiltWeek_EveryMetricHasItsKnownValue()
    {
        await HandBuiltWeekAsync();

        var m = (await Queries.ReportAsync(From, To, MetricGrouping.None, TimeBucket.Day, Ct)).Overall;

        Assert.Equal(new DurationMetric(10, 30, 3, MetricDefinitions.FirstResponseTime), m.FirstResponseTime);
        Assert.Equal(new DurationMetric(2, 6, 3, MetricDefinitions.ResolutionTime), m.ResolutionTime);
        // c1 is followed by c2 within a week and c3 was reopened; only c2 counts.
        Assert.Equal(new MetricValue(1.0 / 3, 3, MetricDefinitions.FirstContactResolution), m.FirstContactResolution);
        // c1 (by c2), c3 (by c5) and c4 (by the conversation after the period) were followed within 7 days.
        Assert.Equal(new MetricValue(0.6, 5, MetricDefinitions.RepeatContactRate), m.RepeatContactRate);
        Assert.Equal(3, m.Csat.N);
        Assert.Equal(11.0 / 3, m.Csat.Average!.Value, 9);
        Assert.Equal(2.0 / 3, m.Csat.SatisfiedShare!.Value, 9);
        // c1 and c2 met the target, c3 answered late, c4 is still unanswered past it, c5's target is after the period.
        Assert.Equal(new MetricValue(0.5, 4, MetricDefinitions.SlaAttainment), m.SlaAttainment);
        Assert.Equal(new MetricValue(0.2, 5, MetricDefinitions.ReassignmentRate), m.ReassignmentRate);
        Assert.Equal(new MetricValue(0.5, 6, MetricDefinitions.TemplateUsageRate), m.TemplateUsageRate);
        Assert.Equal(new MetricValue(1.0 / 3, 3, MetricDefinitions.TemplateEditRate), m.TemplateEditRate);
        // c1 averages its two reviews (85); c2's review was not scorable.
        Assert.Equal(new MetricValue(72.5, 2, MetricDefinitions.QaScore), m.QaScore);
    }

    [Fact]
    public async Task ReportAsync_ByTeam_GroupsByNameWithTheirOwnMedians()
    {
        var (support, billing, _, _) = await HandBuiltWeekAsync();

        var groups = (await Queries.ReportAsync(From, To, MetricGrouping.Team, TimeBucket.Day, Ct)).Groups;

        Assert.Equal([billing, support], groups.Select(g => g.Label));
        Assert.Equal([billing, support], groups.Select(g => g.Key));
        Assert.Equal(new DurationMetric(30, 30, 1, MetricDefinitions.FirstResponseTime), groups[0].Metrics.FirstResponseTime);
        Assert.Equal(new DurationMetric(7, 10, 2, MetricDefinitions.FirstResponseTime), groups[1].Metrics.FirstResponseTime);
        Assert.Equal(new MetricValue(0.5, 2, MetricDefinitions.ReassignmentRate), groups[0].Metrics.ReassignmentRate);
        Assert.Equal(new MetricValue(0, 2, MetricDefinitions.SlaAttainment), groups[0].Metrics.SlaAttainment);
        // c5's target is after the period, so only c1 and c2 count for Support.
        Assert.Equal(new MetricValue(1, 2, MetricDefinitions.SlaAttainment), groups[1].Metrics.SlaAttainment);
    }

    [Fact]
    public async Task ReportAsync_ByAgentTierAndStage_OwnOrderWithNoneLast()
    {
        var (_, _, alex, maya) = await HandBuiltWeekAsync();

        var agents = (await Queries.ReportAsync(From, To, MetricGrouping.Agent, TimeBucket.Day, Ct)).Groups;
        var tiers = (await Queries.ReportAsync(From, To, MetricGrouping.Tier, TimeBucket.Day, Ct)).Groups;
        var stages = (await Queries.ReportAsync(From, To, MetricGrouping.LifecycleStage, TimeBucket.Day, Ct)).Groups;

        Assert.Equal(["Alex Morgan", "Maya Chen", "Unassigned"], agents.Select(g => g.Label));
        Assert.Equal([alex.ToString(System.Globalization.CultureInfo.InvariantCulture), maya.ToString(System.Globalization.CultureInfo.InvariantCulture), ""],
            agents.Select(g => g.Key));
        Assert.Equal([2, 2, 1], agents.Select(g => g.Metrics.ReassignmentRate.N));
        Assert.Equal(["Free", "Pro", "Enterprise"], tiers.Select(g => g.Label));
        Assert.Equal(new MetricValue(0.6, 5, MetricDefinitions.TemplateUsageRate), tiers[2].Metrics.TemplateUsageRate);
        Assert.Equal(["Onboarding", "Adoption", "No stage"], stages.Select(g => g.Label));
        Assert.Equal(["Onboarding", "Adoption", ""], stages.Select(g => g.Key));
    }

    [Fact]
    public async Task ReportAsync_Series_EveryDayListedAndEmptyDaysHaveNothingToMeasure()
    {
        await HandBuiltWeekAsync();

        var days = (await Queries.ReportAsync(From, To, MetricGrouping.None, TimeBucket.Day, Ct)).Series;
        var weeks = (await Queries.ReportAsync(From, To, MetricGrouping.None, TimeBucket.Week, Ct)).Series;

        Assert.Equal(Enumerable.Range(0, 7).Select(d => DateOnly.FromDateTime(From.UtcDateTime).AddDays(d)), days.Select(d => d.Start));
        Assert.Equal([1, 1, 1, 1, 0, 0, 1], days.Select(d => d.Metrics.ReassignmentRate.N));
        Assert.Equal(new double?[] { 4, 10, 30, null, null, null, null }, days.Select(d => d.Metrics.FirstResponseTime.Median));
        Assert.Null(days[4].Metrics.Csat.Average);
        Assert.Equal([new DateOnly(2026, 3, 30)], weeks.Select(w => w.Start));
        Assert.Equal(5, weeks[0].Metrics.RepeatContactRate.N);
    }

    [Fact]
    public async Task ReportAsync_EmptyPeriod_NothingMeasuredButEveryDayListed()
    {
        var report = await Queries.ReportAsync(From, To, MetricGrouping.Team, TimeBucket.Day, Ct);

        Assert.Equal(Metrics.Summarize([], To), report.Overall);
        Assert.Empty(report.Groups);
        Assert.Equal(7, report.Series.Count);
    }

    [Fact]
    public async Task ReportAsync_RandomDataset_EqualsTheInMemoryDefinitions()
    {
        var random = new Random(20_260_330);
        var teams = new List<(long Id, string Name)>();
        foreach (var name in new[] { "Support", "Billing", "Escalations" })
        {
            teams.Add(await Seed.TeamAsync(name, From, Ct));
        }
        var agents = new List<(long Id, string Name)>();
        foreach (var name in new[] { "Alex Morgan", "Maya Chen", "Omar Haddad", "Sofia Rossi" })
        {
            agents.Add(((await Seed.AgentAsync(name, [teams[0].Id], From, Ct)).Id, name));
        }
        var customers = new List<(long Id, Tier Tier, LifecycleStage? Stage)>();
        for (var i = 0; i < 25; i++)
        {
            var tier = (Tier)random.Next(4);
            LifecycleStage? stage = random.Next(5) is var s && s < 4 ? (LifecycleStage)s : null;
            customers.Add((await CustomerAsync(tier, stage), tier, stage));
        }
        var review = await ReviewerAsync();
        var all = new List<MetricConversation>();
        var start = From.AddDays(-10);
        for (var i = 0; i < 300; i++)
        {
            var customer = customers[random.Next(customers.Count)];
            (long Id, string Name)? team = random.Next(8) == 0 ? null : teams[random.Next(teams.Count)];
            (long Id, string Name)? agent = random.Next(6) == 0 ? null : agents[random.Next(agents.Count)];
            // Whole minutes, with ties: equal start times exercise the id order of follow-ups and equal durations the ranks.
            var created = start.AddMinutes(random.Next(0, 60 * 24 * 60 / 30) * 30);
            TimeSpan? firstResponse = random.Next(5) == 0 ? null : TimeSpan.FromMinutes(random.Next(1, 90));
            TimeSpan? resolution = firstResponse is null || random.Next(4) == 0 ? null : firstResponse + TimeSpan.FromMinutes(random.Next(0, 3000));
            TimeSpan? target = random.Next(6) == 0 ? null : TimeSpan.FromMinutes(random.Next(1, 4) * 15);
            int? csat = resolution is not null && random.Next(3) > 0 ? random.Next(1, 6) : null;
            var agentMessages = random.Next(0, 5);
            var templates = random.Next(0, agentMessages + 1);
            var edited = random.Next(0, templates + 1);
            var row = new Row(customer.Id, team?.Id, agent?.Id, created, firstResponse, resolution, target, csat, agentMessages, templates, edited,
                random.Next(4) == 0 ? random.Next(1, 3) : 0, random.Next(10) == 0 ? 1 : 0);
            var id = await InsertAsync(row);
            var scores = new List<double>();
            for (var r = random.Next(0, 4) == 0 ? random.Next(1, 4) : 0; r > 0; r--)
            {
                double? score = random.Next(5) == 0 ? null : random.Next(0, 101);
                await review(id, score);
                if (score is { } value)
                {
                    scores.Add(value);
                }
            }
            all.Add(new MetricConversation(id, team?.Name, agent?.Id, agent?.Name, customer.Tier, customer.Stage, customer.Id, created,
                created + firstResponse, created + resolution, created + target, csat, row.Reassignments, agentMessages, templates, edited,
                scores.Count == 0 ? null : (decimal)scores.Average(), row.Reopens > 0));
        }

        var from = From;
        var to = From.AddDays(30).AddHours(7);
        var inPeriod = all.Where(c => c.CreatedAt >= from && c.CreatedAt < to).ToList();
        foreach (var grouping in Enum.GetValues<MetricGrouping>())
        {
            foreach (var bucket in Enum.GetValues<TimeBucket>())
            {
                var report = await Queries.ReportAsync(from, to, grouping, bucket, Ct);

                AssertSame(Metrics.Summarize(inPeriod, to, all), report.Overall, $"{grouping} overall");
                var expected = Metrics.ByGroup(inPeriod, grouping, to, all);
                Assert.Equal(expected.Select(g => (g.Key, g.Label)), report.Groups.Select(g => (g.Key, g.Label)));
                foreach (var (e, a) in expected.Zip(report.Groups))
                {
                    AssertSame(e.Metrics, a.Metrics, $"{grouping} {e.Label}");
                }
                var series = Metrics.Series(inPeriod, bucket, from, to, all);
                Assert.Equal(series.Select(b => b.Start), report.Series.Select(b => b.Start));
                foreach (var (e, a) in series.Zip(report.Series))
                {
                    AssertSame(e.Metrics, a.Metrics, $"{bucket} {e.Start}");
                }
            }
        }
        Assert.True(inPeriod.Count > 100, "The random period should hold most of the conversations.");
    }

    private static void AssertSame(MetricSummary expected, MetricSummary actual, string where)
    {
        static void Close(double? e, double? a, string what)
        {
            Assert.True(e is null == a is null && (e is null || Math.Abs(e.Value - a!.Value) <= 1e-9 * Math.Max(1, Math.Abs(e.Value))),
                $"{what}: expected {e}, got {a}");
        }
        void Value(MetricValue e, MetricValue a, string name)
        {
            Assert.True(e.N == a.N, $"{where} {name}: n expected {e.N}, got {a.N}");
            Close(e.Value, a.Value, $"{where} {name}");
        }
        void Duration(DurationMetric e, DurationMetric a, string name)
        {
            Assert.True(e.N == a.N, $"{where} {name}: n expected {e.N}, got {a.N}");
            Close(e.Median, a.Median, $"{where} {name} median");
            Close(e.P90, a.P90, $"{where} {name} p90");
        }
        Duration(expected.FirstResponseTime, actual.FirstResponseTime, "first response");
        Duration(expected.ResolutionTime, actual.ResolutionTime, "resolution");
        Value(expected.FirstContactResolution, actual.FirstContactResolution, "first-contact resolution");
        Value(expected.RepeatContactRate, actual.RepeatContactRate, "repeat contact");
        Assert.True(expected.Csat.N == actual.Csat.N, $"{where} CSAT n");
        Close(expected.Csat.Average, actual.Csat.Average, $"{where} CSAT");
        Close(expected.Csat.SatisfiedShare, actual.Csat.SatisfiedShare, $"{where} CSAT 4-5");
        Value(expected.SlaAttainment, actual.SlaAttainment, "SLA");
        Value(expected.ReassignmentRate, actual.ReassignmentRate, "reassignment");
        Value(expected.TemplateUsageRate, actual.TemplateUsageRate, "template usage");
        Value(expected.TemplateEditRate, actual.TemplateEditRate, "template edits");
        Value(expected.QaScore, actual.QaScore, "QA score");
    }

    [Fact]
    public async Task SlaAttainment_PeriodStillRunning_UnansweredTargetLaterTodayNotMissedYet()
    {
        var customer = await CustomerAsync(Tier.Pro, null);
        var now = From.AddDays(3).AddHours(10);
        await InsertAsync(new Row(customer, null, null, now.AddHours(-1), FirstResponseTarget: TimeSpan.FromHours(3)));
        await InsertAsync(new Row(customer, null, null, now.AddHours(-5), FirstResponseTarget: TimeSpan.FromHours(1)));

        var running = (await Queries.ReportAsync(From, To, MetricGrouping.None, TimeBucket.Day, Ct, now)).Overall.SlaAttainment;
        var ended = (await Queries.ReportAsync(From, To, MetricGrouping.None, TimeBucket.Day, Ct)).Overall.SlaAttainment;

        // Now: only the one whose target passed two hours ago is counted (missed); at the end of the period both are.
        Assert.Equal((0.0, 1), (running.Value, running.N));
        Assert.Equal((0.0, 2), (ended.Value, ended.N));
    }

    [Fact]
    public async Task ConversationRepository_TemplateReplyTransferAndReopen_CountedOnTheDashboard()
    {
        var conversations = new ConversationRepository(Db);
        var (support, _) = await Seed.TeamAsync("Support", From, Ct);
        var (billing, _) = await Seed.TeamAsync("Billing", From, Ct);
        var agent = await Seed.AgentAsync("Alex Morgan", [support, billing], From, Ct);
        var at = From.AddHours(9);
        var opened = await Seed.OpenAsync(support, at, Ct);
        Assert.True((await conversations.ClaimAsync(opened.Id, agent.Id, at.AddMinutes(1), Ct)).Done);

        await conversations.AppendAsync(opened.Id, new NewMessage(AuthorKind.Agent, agent.Id, WorkspaceSeed.NewClientId(), "Hi Ada, here is the fix, and a tip.",
            "invoice-question", 1, Edited: true, TemplateRendered: "Hi Ada, here is the fix."), at.AddMinutes(5), Ct);
        await conversations.AppendAsync(opened.Id, new NewMessage(AuthorKind.Agent, agent.Id, WorkspaceSeed.NewClientId(), "Anything else?"), at.AddMinutes(6), Ct);
        Assert.True((await conversations.TransferAsync(opened.Id, billing, null, "Billing question", agent.Id, at.AddMinutes(7), Ct)).Done);
        var answered = (await conversations.GetAsync(opened.Id, Ct))!.Status;
        Assert.True(await conversations.SetStatusAsync(opened.Id, answered, ConversationStatus.Resolved, null, "resolved", agent.Id, null, at.AddMinutes(8), Ct));
        Assert.True(await conversations.SetStatusAsync(opened.Id, ConversationStatus.Resolved, ConversationStatus.Open, null, "reopened", agent.Id, null, at.AddMinutes(9), Ct));

        var m = (await Queries.ReportAsync(From, To, MetricGrouping.None, TimeBucket.Day, Ct)).Overall;
        Assert.Equal(new MetricValue(0.5, 2, MetricDefinitions.TemplateUsageRate), m.TemplateUsageRate);
        Assert.Equal(new MetricValue(1, 1, MetricDefinitions.TemplateEditRate), m.TemplateEditRate);
        Assert.Equal(new MetricValue(1, 1, MetricDefinitions.ReassignmentRate), m.ReassignmentRate);
        Assert.Equal(new DurationMetric(5, 5, 1, MetricDefinitions.FirstResponseTime), m.FirstResponseTime);

        // Reopened, then resolved again: resolved, but not at first contact.
        var current = (await conversations.GetAsync(opened.Id, Ct))!;
        Assert.True(await conversations.SetStatusAsync(opened.Id, current.Status, ConversationStatus.Resolved, null, "resolved", agent.Id, null, at.AddMinutes(10), Ct));
        var resolved = (await Queries.ReportAsync(From, To, MetricGrouping.None, TimeBucket.Day, Ct)).Overall;
        Assert.Equal(new MetricValue(0, 1, MetricDefinitions.FirstContactResolution), resolved.FirstContactResolution);

        var counters = await Db.ReadAsync(c => c.QuerySingleAsync<(long, long, long, long, long)>(new CommandDefinition("""
            SELECT agent_messages, template_messages, edited_template_messages, reassignments, reopens FROM conversations WHERE id = @Id
            """, new { opened.Id }, cancellationToken: Ct)), Ct);
        Assert.Equal((2L, 1L, 1L, 1L, 1L), counters);
    }
}
