using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data.ApiKeys;
using Workspace.Data.Customers;
using Workspace.Data.Database;
using Workspace.Data.Demo;
using Workspace.Data.Staff;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Customers;
using Workspace.Domain.Staff;

namespace Workspace.Data.Tests.Demo;

/// <summary>The demo world a newcomer sees on first start (PRODUCT.md section 5, foundation issue).</summary>
public sealed class DemoDataGeneratorTests(DemoDatabaseFixture demo) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Db Db => demo.Services.GetRequiredService<Db>();

    private Task<long> ScalarAsync(string sql) =>
        Db.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: Ct)), Ct);

    private async Task<List<T>> QueryAsync<T>(string sql) =>
        (await Db.ReadAsync(c => c.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: Ct)), Ct)).ToList();

    [Fact]
    public void InitializeAsync_EmptyDatabase_MigratesAndSeeds()
    {
        Assert.NotNull(demo.FirstRun);
        Assert.True(demo.FirstRun.SeededDemo);
        Assert.Equal(Migrator.ScriptNames(DatabaseProvider.Sqlite), demo.FirstRun.AppliedScripts);
    }

    [Fact]
    public async Task Teams_FourWithCatalogNames()
    {
        var teams = await QueryAsync<string>("SELECT name FROM teams ORDER BY name");

        Assert.Equal(["Enterprise Success", "General Support", "Onboarding Specialists", "Technical Escalations"], teams);
    }

    [Fact]
    public async Task Staff_FifteenUsers() =>
        Assert.Equal(15, await demo.Services.GetRequiredService<StaffRepository>().CountAsync(Ct));

    [Theory]
    [InlineData("agent@demo.local", Role.Agent)]
    [InlineData("lead@demo.local", Role.Lead)]
    [InlineData("qa@demo.local", Role.QA)]
    [InlineData("admin@demo.local", Role.Admin)]
    public async Task DemoAccount_SignsInWithDemoPasswordAndHasItsRole(string email, Role role)
    {
        var user = await demo.Services.GetRequiredService<StaffRepository>().FindByEmailAsync(email, Ct);

        Assert.NotNull(user);
        Assert.Equal([role], user.Roles);
        Assert.False(user.IsDisabled);
        Assert.True(PasswordHashing.Verify(user.PasswordHash, "Demo!2345").Valid);
        Assert.False(PasswordHashing.Verify(user.PasswordHash, "demo!2345").Valid);
    }

    [Fact]
    public async Task Agents_TwelveEachInATeamWithSkillsAndCapacity()
    {
        Assert.Equal(12, await ScalarAsync("SELECT COUNT(*) FROM agents"));
        Assert.Equal(12, await ScalarAsync("SELECT COUNT(*) FROM agents a JOIN user_roles r ON r.user_id = a.user_id AND r.role = 'Agent'"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM agents a WHERE NOT EXISTS (SELECT 1 FROM team_members m WHERE m.user_id = a.user_id)"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM agents a WHERE NOT EXISTS (SELECT 1 FROM agent_skills s WHERE s.user_id = a.user_id)"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM agents WHERE capacity < 1"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM teams t WHERE NOT EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = t.id)"));
    }

    [Fact]
    public async Task Customers_FiveHundredOverEveryTierWithNamesAndCompanies()
    {
        Assert.Equal(500, await ScalarAsync("SELECT COUNT(*) FROM customers"));
        Assert.Equal(["Enterprise", "Free", "Pro", "Starter"], await QueryAsync<string>("SELECT DISTINCT tier FROM customers ORDER BY tier"));
        Assert.True(await ScalarAsync("SELECT COUNT(DISTINCT lifecycle_stage) FROM customers") >= 3, "declared lifecycle stages should vary");
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM customers WHERE name NOT LIKE '% %' OR company IS NULL OR company = ''"));
        Assert.True(await ScalarAsync("SELECT COUNT(DISTINCT name) FROM customers") > 450, "customer names should be varied");
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM customers WHERE external_id = 'cus_0001'"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM customers WHERE external_id = 'cus_0500'"));
    }

    [Fact]
    public async Task FeaturedCustomers_ReadableThroughRepositoryWithDeclaredTraits()
    {
        var customers = demo.Services.GetRequiredService<CustomerRepository>();

        var enterprise = await customers.GetAsync("cus_0001", Ct);
        var stuckInOnboarding = await customers.GetAsync("cus_0006", Ct);

        Assert.Equal(Tier.Enterprise, enterprise?.Profile.Tier);
        Assert.Equal(250_000m, enterprise?.Profile.Arr);
        Assert.NotNull(stuckInOnboarding);
        Assert.Equal(LifecycleStage.Onboarding, stuckInOnboarding.Profile.LifecycleStage);
        Assert.True(stuckInOnboarding.Profile.AtRisk);
        Assert.Contains("seats", stuckInOnboarding.Profile.Attributes.Keys);
        var events = await customers.RecentEventsAsync(stuckInOnboarding.Id, 0, 1000, Ct);
        Assert.Contains(events, e => e.Event.Kind == EventKind.OnboardingStepFailed && e.Event.Name == "invite-team");
    }

    [Fact]
    public async Task Events_ThirtyThousandOfEveryKindWithinSixMonths()
    {
        var total = await ScalarAsync("SELECT COUNT(*) FROM customer_events");
        var anchorMs = DemoDatabaseFixture.Anchor.ToUnixTimeMilliseconds();
        var sixMonthsMs = (long)TimeSpan.FromDays(183).TotalMilliseconds;

        Assert.Equal(30_000, total);
        Assert.Equal(5, await ScalarAsync("SELECT COUNT(DISTINCT kind) FROM customer_events"));
        Assert.Equal(0, await ScalarAsync($"SELECT COUNT(*) FROM customer_events WHERE occurred_at > {anchorMs + (long)TimeSpan.FromDays(1).TotalMilliseconds}"));
        Assert.Equal(0, await ScalarAsync($"SELECT COUNT(*) FROM customer_events WHERE occurred_at < {anchorMs - sixMonthsMs}"));
    }

    [Fact]
    public async Task Transactions_PaidInvoicesForPayingCustomers()
    {
        Assert.True(await ScalarAsync("SELECT COUNT(*) FROM transactions WHERE kind = 'Invoice' AND status = 'Paid'") > 500);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM transactions t JOIN customers c ON c.id = t.customer_id WHERE c.tier = 'Free'"));
    }

    [Fact]
    public async Task Conversations_TwoThousandResolvedWithMessagesAndCsat()
    {
        Assert.Equal(2_000, await ScalarAsync("SELECT COUNT(*) FROM conversations"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM conversations WHERE status <> 'Resolved' OR resolved_at IS NULL OR resolved_at < created_at"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM conversations c WHERE (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) < 2"));
        Assert.Equal(0, await ScalarAsync("""
            SELECT COUNT(*) FROM conversations c
            WHERE c.last_sequence <> (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id)
               OR c.last_sequence <> (SELECT MAX(sequence) FROM messages m WHERE m.conversation_id = c.id)
            """));
        Assert.InRange(await ScalarAsync("SELECT COUNT(*) FROM conversations WHERE csat IS NOT NULL"), 1_000, 1_800);
        Assert.Equal(0, await ScalarAsync("""
            SELECT COUNT(*) FROM conversations c
            WHERE NOT EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = c.team_id AND m.user_id = c.assignee_id)
            """));
    }

    [Fact]
    public async Task DemoApiKey_FindableByItsSecret()
    {
        var key = await demo.Services.GetRequiredService<ApiKeyRepository>().FindActiveAsync("wk_demo_key_0001", Ct);

        Assert.NotNull(key);
        Assert.Equal(ApiKeyScope.Integration, key.Scope);
        Assert.Null(key.RevokedAt);
    }

    [Fact]
    public async Task InitializeAsync_AlreadySeeded_NeitherMigratesNorSeedsAgain()
    {
        var customersBefore = await ScalarAsync("SELECT COUNT(*) FROM customers");
        var eventsBefore = await ScalarAsync("SELECT COUNT(*) FROM customer_events");

        var second = await demo.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: true, DemoDatabaseFixture.Anchor.AddDays(1), Ct);

        Assert.False(second.SeededDemo);
        Assert.Empty(second.AppliedScripts);
        Assert.Equal(customersBefore, await ScalarAsync("SELECT COUNT(*) FROM customers"));
        Assert.Equal(eventsBefore, await ScalarAsync("SELECT COUNT(*) FROM customer_events"));
        Assert.Equal(15, await ScalarAsync("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task InitializeAsync_SameAnchorOnAnotherFile_SameWorld()
    {
        await using var file = SqliteTestDatabase.CreateEmpty();
        await using var services = DemoDatabaseFixture.CreateServices(file);

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: true, DemoDatabaseFixture.Anchor, Ct);

        const string customers = "SELECT external_id || '|' || name || '|' || company || '|' || email || '|' || tier FROM customers ORDER BY external_id";
        const string history = """
            SELECT (SELECT COUNT(*) FROM customer_events) || '|' || (SELECT SUM(occurred_at % 100000) FROM customer_events)
                || '|' || (SELECT COUNT(*) FROM transactions) || '|' || (SELECT SUM(amount_minor) FROM transactions)
                || '|' || (SELECT SUM(COALESCE(csat, 0)) FROM conversations) || '|' || (SELECT COUNT(*) FROM messages)
            """;
        var second = services.GetRequiredService<Db>();
        Assert.Equal(await QueryAsync<string>(customers), (await second.ReadAsync(c => c.QueryAsync<string>(new CommandDefinition(customers, cancellationToken: Ct)), Ct)).ToList());
        Assert.Equal(await QueryAsync<string>(history), (await second.ReadAsync(c => c.QueryAsync<string>(new CommandDefinition(history, cancellationToken: Ct)), Ct)).ToList());
    }

    [Fact]
    public async Task InitializeAsync_SeedDemoFalse_MigratesOnly()
    {
        await using var file = SqliteTestDatabase.CreateEmpty();
        await using var services = DemoDatabaseFixture.CreateServices(file);

        var result = await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false, DemoDatabaseFixture.Anchor, Ct);

        Assert.False(result.SeededDemo);
        Assert.NotEmpty(result.AppliedScripts);
        Assert.Equal(0, await services.GetRequiredService<StaffRepository>().CountAsync(Ct));
        Assert.Null(await services.GetRequiredService<ApiKeyRepository>().FindActiveAsync("wk_demo_key_0001", Ct));
    }

    [Fact]
    public async Task GenerateAsync_BenchmarkCustomer_HasExactHistoryAndReportsProgress()
    {
        await using var file = SqliteTestDatabase.CreateMigrated();
        var progress = new RecordingProgress();
        var size = new DemoSize(Customers: 20, Events: 500, Conversations: 30, BenchmarkCustomers: [BenchmarkCustomer.Light]);

        await new DemoDataGenerator(file.Db).GenerateAsync(size, DemoDatabaseFixture.Anchor, progress, Ct);

        var customers = new CustomerRepository(file.Db);
        var light = await customers.GetAsync(BenchmarkCustomer.Light.ExternalId, Ct);
        Assert.NotNull(light);
        Assert.Equal((80, 15), await customers.CountHistoryAsync(light.Id, Ct));
        var conversations = await file.Db.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM conversations WHERE customer_id = @Id", new { light.Id }, cancellationToken: Ct)), Ct);
        Assert.Equal(5, conversations);
        Assert.Equal(21, await file.Db.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM customers", cancellationToken: Ct)), Ct));
        Assert.Equal(580, await file.Db.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM customer_events", cancellationToken: Ct)), Ct));

        var last = progress.Reports.GroupBy(r => r.Phase).ToDictionary(g => g.Key, g => g.Last());
        Assert.Equal(["conversations", "customers and events", "roll-ups"], last.Keys.Order(StringComparer.Ordinal));
        Assert.All(last.Values, r => Assert.Equal(r.Total, r.Done));
        Assert.Equal(580, last["conversations"].EventsWritten);
    }

    /// <summary>Records reports on the caller's thread, unlike <see cref="Progress{T}"/>, so none arrive after the run.</summary>
    private sealed class RecordingProgress : IProgress<DemoProgress>
    {
        public List<DemoProgress> Reports { get; } = [];

        public void Report(DemoProgress value) => Reports.Add(value);
    }
}
