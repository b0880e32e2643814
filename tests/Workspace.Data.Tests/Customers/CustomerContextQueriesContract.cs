using Workspace.Data.Conversations;
using Workspace.Data.Customers;
using Workspace.Data.Tests.Conversations;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Signals;
using Workspace.Domain.Staff;

namespace Workspace.Data.Tests.Customers;

/// <summary>What <see cref="CustomerContextQueries"/> promises on every provider: the aggregates the signals are computed from.</summary>
public abstract class CustomerContextQueriesContract : DatabaseTest
{
    private CustomerContextQueries Queries => new(Db);

    private CustomerRepository Customers => new(Db);

    private ConversationRepository Conversations => new(Db);

    private WorkspaceSeed Seed => new(Db);

    private int _events;

    private static CustomerProfile Profile(string externalId) => new(
        externalId, "Grace Hopper", "grace@example.com", null, "Navy", "en-US", "America/New_York", Tier.Pro, 12_000m, 30_000m, "Pro Annual", "5.2",
        null, null, ExperienceLevel.Intermediate, Now.AddDays(-200), Now.AddDays(120), new Dictionary<string, string> { ["seats"] = "12" });

    private async Task<CustomerRecord> CreateCustomerAsync()
    {
        var externalId = Unique("cus");
        await Customers.UpsertAsync(Profile(externalId), Now.AddDays(-200), Ct);
        return await Customers.GetAsync(externalId, Ct) ?? throw new InvalidOperationException($"{externalId} vanished.");
    }

    private CustomerEvent Event(EventKind kind, string name, DateTimeOffset at) =>
        new($"evt_{Interlocked.Increment(ref _events)}", kind, name, at, new Dictionary<string, string>());

    private async Task AddEventsAsync(CustomerRecord customer, params CustomerEvent[] events) =>
        Assert.Equal(events.Length, await Customers.AddEventsAsync(customer.Id, events, Now, Ct));

    private Task<ContextAggregates> FactsAsync(CustomerRecord customer) => Queries.FactsAsync(customer, Now, Ct);

    private static Transaction Money(string id, TransactionKind kind, decimal amount, TransactionStatus status, DateTimeOffset at) =>
        new(id, kind, amount, "USD", status, at, null);

    private async Task<ConversationRecord> OpenAsync(CustomerRecord customer, DateTimeOffset at, Channel channel = Channel.Chat)
    {
        var (conversation, _, _) = await Conversations.OpenAsync(WorkspaceSeed.Conversation(customer.Id, null, channel: channel), at, Ct);
        return conversation;
    }

    private async Task ResolveAsync(ConversationRecord conversation, DateTimeOffset at, int? csat = null)
    {
        var lead = await Seed.StaffAsync("Leah Brooks", [Role.Lead], Now, Ct);
        Assert.True(await Conversations.SetStatusAsync(conversation.Id, conversation.Status, ConversationStatus.Resolved, null, "resolved", lead.Id, null, at, Ct));
        if (csat is { } rating)
        {
            Assert.True(await Conversations.RateAsync(conversation.Id, rating, at.AddMinutes(5), Ct));
        }
    }

    // --- No history ---

    [Fact]
    public async Task FactsAsync_NoHistory_EmptyFactsZeroTotalsNoPreferences()
    {
        var customer = await CreateCustomerAsync();

        var aggregates = await FactsAsync(customer);

        var facts = aggregates.Facts;
        Assert.Equal(customer.Profile with { Attributes = facts.Profile.Attributes }, facts.Profile);
        Assert.Equal(customer.CreatedAt, facts.CreatedAt);
        Assert.Equal(Now, facts.Now);
        Assert.Empty(facts.OnboardingSteps);
        Assert.Empty(facts.Features);
        Assert.Equal(new ActivityFact(0, 0, null), facts.Activity);
        Assert.Empty(facts.RecentErrors);
        Assert.Equal(new ConversationFacts(0, 0, 0, 0, null, null, null), facts.Conversations);
        Assert.Equal(new TransactionFacts(0, 0m, 0m), facts.Transactions);
        Assert.Equal(0, aggregates.TotalEvents);
        Assert.Equal(new TransactionTotals(0, 0m, 0m, 0m), aggregates.Transactions);
        Assert.Empty(aggregates.ActivityByUtcHour);
        Assert.Null(aggregates.Declared);
        Assert.Null(aggregates.DeclaredUpdatedAt);
    }

    // --- Onboarding ---

    [Fact]
    public async Task FactsAsync_OnboardingEvents_OneFactPerStepDoneIfEverCompletedAtLatestOutcome()
    {
        var customer = await CreateCustomerAsync();
        await AddEventsAsync(customer,
            Event(EventKind.OnboardingStepCompleted, "create-workspace", Now.AddDays(-20)),
            Event(EventKind.OnboardingStepFailed, "invite-team", Now.AddDays(-15)),
            Event(EventKind.OnboardingStepCompleted, "invite-team", Now.AddDays(-14)),
            Event(EventKind.OnboardingStepFailed, "connect-data-source", Now.AddDays(-10)),
            Event(EventKind.OnboardingStepFailed, "connect-data-source", Now.AddDays(-3)),
            // Other kinds under a step's name are not onboarding.
            Event(EventKind.FeatureUsed, "build-first-dashboard", Now.AddDays(-2)),
            Event(EventKind.ErrorRaised, "set-up-alerts", Now.AddDays(-1)));

        var steps = (await FactsAsync(customer)).Facts.OnboardingSteps.OrderBy(s => s.Step, StringComparer.Ordinal).ToList();

        Assert.Equal(
            [
                new OnboardingStepFact("connect-data-source", false, Now.AddDays(-3)),
                new OnboardingStepFact("create-workspace", true, Now.AddDays(-20)),
                new OnboardingStepFact("invite-team", true, Now.AddDays(-14)),
            ],
            steps);
    }

    [Fact]
    public async Task FactsAsync_StepsFromFacts_GiveOnboardingProgressWithFailedStep()
    {
        var customer = await CreateCustomerAsync();
        await AddEventsAsync(customer,
            Event(EventKind.OnboardingStepCompleted, "create-workspace", Now.AddDays(-11)),
            Event(EventKind.OnboardingStepCompleted, "invite-team", Now.AddDays(-10)),
            Event(EventKind.OnboardingStepFailed, "connect-data-source", Now.AddDays(-9)));

        var progress = OnboardingProgress.From((await FactsAsync(customer)).Facts.OnboardingSteps, ProductCatalog.Default);

        Assert.Equal(["connect-data-source"], progress.FailedSteps);
        Assert.Equal(40, progress.Percent);
    }

    // --- Features ---

    [Fact]
    public async Task FactsAsync_FeatureUse_CountedPerFeatureWithLastUse()
    {
        var customer = await CreateCustomerAsync();
        await AddEventsAsync(customer,
            Event(EventKind.FeatureUsed, "dashboards", Now.AddDays(-300)),
            Event(EventKind.FeatureUsed, "dashboards", Now.AddDays(-2)),
            Event(EventKind.FeatureUsed, "dashboards", Now.AddDays(-40)),
            Event(EventKind.FeatureUsed, "reports", Now.AddHours(-1)),
            Event(EventKind.Login, "login", Now.AddMinutes(-5)));

        var features = (await FactsAsync(customer)).Facts.Features.OrderBy(f => f.Feature, StringComparer.Ordinal).ToList();

        Assert.Equal([new FeatureFact("dashboards", 3, Now.AddDays(-2)), new FeatureFact("reports", 1, Now.AddHours(-1))], features);
    }

    // --- Activity ---

    [Fact]
    public async Task FactsAsync_Activity_LoginsAndFeatureUseOfLastSevenAgainstPreviousTwentyEightDays()
    {
        var customer = await CreateCustomerAsync();
        await AddEventsAsync(customer,
            // Last 7 days, the start included.
            Event(EventKind.Login, "login", Now.AddHours(-1)),
            Event(EventKind.FeatureUsed, "reports", Now.AddDays(-3)),
            Event(EventKind.Login, "login", Now.AddDays(-7)),
            // The 28 days before, back to 35 days included.
            Event(EventKind.Login, "login", Now.AddDays(-7).AddMinutes(-1)),
            Event(EventKind.FeatureUsed, "dashboards", Now.AddDays(-20)),
            Event(EventKind.Login, "login", Now.AddDays(-35)),
            // Older, or not activity.
            Event(EventKind.Login, "login", Now.AddDays(-35).AddMinutes(-1)),
            Event(EventKind.FeatureUsed, "dashboards", Now.AddDays(-90)),
            Event(EventKind.ErrorRaised, "sync-timeout", Now.AddDays(-2)),
            Event(EventKind.OnboardingStepCompleted, "create-workspace", Now.AddDays(-2)));

        var aggregates = await FactsAsync(customer);

        Assert.Equal(new ActivityFact(3, 3, Now.AddHours(-1)), aggregates.Facts.Activity);
        Assert.Equal(10, aggregates.TotalEvents);
    }

    [Fact]
    public async Task FactsAsync_OnlyOldActivity_ZeroRecentButLastSeenKnown()
    {
        var customer = await CreateCustomerAsync();
        await AddEventsAsync(customer, Event(EventKind.Login, "login", Now.AddDays(-60)));

        var activity = (await FactsAsync(customer)).Facts.Activity;

        Assert.Equal(new ActivityFact(0, 0, Now.AddDays(-60)), activity);
    }

    [Fact]
    public async Task FactsAsync_ActivityDrop_ReadAsSharpDrop()
    {
        var customer = await CreateCustomerAsync();
        var usual = Enumerable.Range(0, 20).Select(i => Event(EventKind.Login, "login", Now.AddDays(-8 - i)));
        await AddEventsAsync(customer, [.. usual, Event(EventKind.Login, "login", Now.AddDays(-1))]);

        var trend = ActivityTrend.From((await FactsAsync(customer)).Facts.Activity);

        Assert.Equal(5, trend.BaselineWeekly);
        Assert.True(trend.SharpDrop);
    }

    [Fact]
    public async Task FactsAsync_ActivityByUtcHour_LoginsAndFeatureUseOfLastThirtyFiveDays()
    {
        var customer = await CreateCustomerAsync();
        var day = new DateTimeOffset(Now.Year, Now.Month, Now.Day, 0, 0, 0, TimeSpan.Zero);
        await AddEventsAsync(customer,
            Event(EventKind.Login, "login", day.AddDays(-1).AddHours(9).AddMinutes(15)),
            Event(EventKind.FeatureUsed, "reports", day.AddDays(-12).AddHours(9).AddMinutes(59)),
            Event(EventKind.Login, "login", day.AddDays(-2).AddHours(23).AddMinutes(59)),
            // Stored with an offset: the hour is the UTC one (15:30+02:00 is 13:30 UTC).
            Event(EventKind.Login, "login", new DateTimeOffset(Now.Year, Now.Month, Now.Day, 15, 30, 0, TimeSpan.FromHours(2)).AddDays(-4)),
            Event(EventKind.ErrorRaised, "sync-timeout", day.AddDays(-1).AddHours(9)),
            Event(EventKind.Login, "login", day.AddDays(-40).AddHours(9)));

        var hours = (await FactsAsync(customer)).ActivityByUtcHour;

        Assert.Equal(new Dictionary<int, int> { [9] = 2, [13] = 1, [23] = 1 }, hours);
    }

    // --- Errors ---

    [Fact]
    public async Task FactsAsync_Errors_GroupedByNameWithinSevenDays()
    {
        var customer = await CreateCustomerAsync();
        await AddEventsAsync(customer,
            Event(EventKind.ErrorRaised, "sync-timeout", Now.AddDays(-6)),
            Event(EventKind.ErrorRaised, "sync-timeout", Now.AddHours(-3)),
            Event(EventKind.ErrorRaised, "sync-timeout", Now.AddDays(-7)),
            Event(EventKind.ErrorRaised, "sync-timeout", Now.AddDays(-8)),
            Event(EventKind.ErrorRaised, "auth-failed", Now.AddDays(-1)),
            Event(EventKind.ErrorRaised, "import-failed", Now.AddDays(-30)));

        var errors = (await FactsAsync(customer)).Facts.RecentErrors.OrderBy(e => e.Error, StringComparer.Ordinal).ToList();

        Assert.Equal([new ErrorFact("auth-failed", 1, Now.AddDays(-1)), new ErrorFact("sync-timeout", 3, Now.AddHours(-3))], errors);
    }

    // --- Conversations ---

    [Fact]
    public async Task FactsAsync_Conversations_CountsOpenRecentEscalatedAndMostUsedChannel()
    {
        var customer = await CreateCustomerAsync();
        var old = await OpenAsync(customer, Now.AddDays(-30), Channel.Email);
        await ResolveAsync(old, Now.AddDays(-29));
        await OpenAsync(customer, Now.AddDays(-20), Channel.Chat);
        var recent = await OpenAsync(customer, Now.AddDays(-2), Channel.Chat);
        var (teamId, _) = await Seed.TeamAsync("Escalations", Now, Ct);
        var lead = await Seed.StaffAsync("Leah Brooks", [Role.Lead], Now, Ct);
        Assert.True(await Conversations.EscalateAsync(recent.Id, teamId, new EscalationSummary("Tried a resync.", "Cannot export.", null), lead.Id, Now.AddDays(-1), Ct));
        var other = await Seed.CustomerAsync(Now, Ct);
        await Conversations.OpenAsync(WorkspaceSeed.Conversation(other, null, channel: Channel.Email), Now.AddHours(-1), Ct);

        var conversations = (await FactsAsync(customer)).Facts.Conversations;

        Assert.Equal(3, conversations.Total);
        Assert.Equal(2, conversations.Open);
        Assert.Equal(1, conversations.OpenedInLast7Days);
        Assert.Equal(1, conversations.Escalated);
        Assert.Equal("Chat", conversations.MostUsedChannel);
    }

    [Fact]
    public async Task FactsAsync_PendingAndSnoozed_CountAsOpen()
    {
        var customer = await CreateCustomerAsync();
        var lead = await Seed.StaffAsync("Leah Brooks", [Role.Lead], Now, Ct);
        var pending = await OpenAsync(customer, Now.AddDays(-3));
        var snoozed = await OpenAsync(customer, Now.AddDays(-2));
        Assert.True(await Conversations.SetStatusAsync(pending.Id, ConversationStatus.Open, ConversationStatus.Pending, null, "pending", lead.Id, null, Now, Ct));
        Assert.True(await Conversations.SetStatusAsync(snoozed.Id, ConversationStatus.Open, ConversationStatus.Snoozed, Now.AddDays(1), "snoozed", lead.Id, null, Now, Ct));

        var conversations = (await FactsAsync(customer)).Facts.Conversations;

        Assert.Equal(2, conversations.Open);
        Assert.Equal(2, conversations.OpenedInLast7Days);
    }

    [Fact]
    public async Task FactsAsync_Ratings_LastCsatFromMostRecentlyResolvedRatedConversation()
    {
        var customer = await CreateCustomerAsync();
        var first = await OpenAsync(customer, Now.AddDays(-20));
        await ResolveAsync(first, Now.AddDays(-19), csat: 5);
        var second = await OpenAsync(customer, Now.AddDays(-10));
        await ResolveAsync(second, Now.AddDays(-9), csat: 2);
        var unrated = await OpenAsync(customer, Now.AddDays(-5));
        await ResolveAsync(unrated, Now.AddDays(-4));

        var conversations = (await FactsAsync(customer)).Facts.Conversations;

        Assert.Equal(2, conversations.LastCsat);
        Assert.Equal(Now.AddDays(-9), conversations.LastCsatAt);
        Assert.Equal(0, conversations.Open);
    }

    // --- Transactions ---

    [Fact]
    public async Task FactsAsync_Transactions_AllTimeTotalsAndLastNinetyDays()
    {
        var customer = await CreateCustomerAsync();
        Transaction[] history =
        [
            Money("inv_recent", TransactionKind.Invoice, 100.25m, TransactionStatus.Paid, Now.AddDays(-10)),
            Money("ord_recent", TransactionKind.Order, 9.75m, TransactionStatus.Paid, Now.AddDays(-89)),
            Money("inv_old", TransactionKind.Invoice, 50m, TransactionStatus.Paid, Now.AddDays(-100)),
            Money("ref_recent", TransactionKind.Refund, 20m, TransactionStatus.Refunded, Now.AddDays(-5)),
            Money("ref_old", TransactionKind.Refund, 5.5m, TransactionStatus.Refunded, Now.AddDays(-200)),
            Money("inv_failed", TransactionKind.Invoice, 30m, TransactionStatus.Failed, Now.AddDays(-3)),
            Money("inv_failed_old", TransactionKind.Invoice, 7m, TransactionStatus.Failed, Now.AddDays(-120)),
            Money("ord_pending", TransactionKind.Order, 40m, TransactionStatus.Pending, Now.AddDays(-1)),
        ];
        foreach (var transaction in history)
        {
            Assert.True(await Customers.AddTransactionAsync(customer.Id, transaction, Now, Ct));
        }

        var aggregates = await FactsAsync(customer);

        Assert.Equal(new TransactionFacts(FailedPaymentsLast90Days: 1, PaidLast90Days: 110m, RefundedLast90Days: 20m), aggregates.Facts.Transactions);
        Assert.Equal(new TransactionTotals(Count: 8, Paid: 160m, Refunded: 25.5m, Outstanding: 77m), aggregates.Transactions);
    }

    // --- Retries ---

    [Fact]
    public async Task FactsAsync_SameEventsAndTransactionStoredTwice_CountedOnce()
    {
        var customer = await CreateCustomerAsync();
        CustomerEvent[] batch =
        [
            Event(EventKind.FeatureUsed, "reports", Now.AddDays(-1)),
            Event(EventKind.Login, "login", Now.AddDays(-10)),
            Event(EventKind.ErrorRaised, "sync-timeout", Now.AddDays(-2)),
        ];
        var invoice = Money("inv_retry", TransactionKind.Invoice, 12.5m, TransactionStatus.Paid, Now.AddDays(-2));
        await AddEventsAsync(customer, batch);
        Assert.True(await Customers.AddTransactionAsync(customer.Id, invoice, Now, Ct));

        Assert.Equal(0, await Customers.AddEventsAsync(customer.Id, batch, Now.AddMinutes(1), Ct));
        Assert.False(await Customers.AddTransactionAsync(customer.Id, invoice, Now.AddMinutes(1), Ct));

        var aggregates = await FactsAsync(customer);
        Assert.Equal([new FeatureFact("reports", 1, Now.AddDays(-1))], aggregates.Facts.Features);
        Assert.Equal(new ActivityFact(1, 1, Now.AddDays(-1)), aggregates.Facts.Activity);
        Assert.Equal([new ErrorFact("sync-timeout", 1, Now.AddDays(-2))], aggregates.Facts.RecentErrors);
        Assert.Equal(3, aggregates.TotalEvents);
        Assert.Equal(new TransactionTotals(1, 12.5m, 0m, 0m), aggregates.Transactions);
        Assert.Equal(new TransactionFacts(0, 12.5m, 0m), aggregates.Facts.Transactions);
    }

    // --- Other customers ---

    [Fact]
    public async Task FactsAsync_AnotherCustomersHistory_NotCounted()
    {
        var customer = await CreateCustomerAsync();
        var other = await CreateCustomerAsync();
        await AddEventsAsync(other,
            Event(EventKind.Login, "login", Now.AddHours(-2)),
            Event(EventKind.FeatureUsed, "reports", Now.AddDays(-2)),
            Event(EventKind.ErrorRaised, "sync-timeout", Now.AddDays(-1)),
            Event(EventKind.OnboardingStepFailed, "invite-team", Now.AddDays(-1)));
        await Customers.AddTransactionAsync(other.Id, Money("inv_other", TransactionKind.Invoice, 10m, TransactionStatus.Failed, Now.AddDays(-1)), Now, Ct);
        await OpenAsync(other, Now.AddDays(-1));
        await Queries.SetPreferencesAsync(other.Id, new DeclaredPreferences(Channel.Email, null, null, Tone.Guided, null, true, null), Now, Ct);

        var aggregates = await FactsAsync(customer);

        Assert.Empty(aggregates.Facts.OnboardingSteps);
        Assert.Empty(aggregates.Facts.Features);
        Assert.Empty(aggregates.Facts.RecentErrors);
        Assert.Equal(new ActivityFact(0, 0, null), aggregates.Facts.Activity);
        Assert.Equal(0, aggregates.Facts.Conversations.Total);
        Assert.Equal(0, aggregates.Transactions.Count);
        Assert.Equal(0, aggregates.TotalEvents);
        Assert.Empty(aggregates.ActivityByUtcHour);
        Assert.Null(aggregates.Declared);
    }

    // --- Declared preferences ---

    [Fact]
    public async Task SetPreferencesAsync_EveryField_RoundTrips()
    {
        var customer = await CreateCustomerAsync();
        var declared = new DeclaredPreferences(Channel.Email, new TimeOnly(8, 30), new TimeOnly(17, 45), Tone.Guided, "de-DE", true,
            new DateTimeOffset(2026, 6, 1, 9, 15, 30, 123, TimeSpan.Zero));

        await Queries.SetPreferencesAsync(customer.Id, declared, Now, Ct);

        var aggregates = await FactsAsync(customer);
        Assert.Equal(declared, aggregates.Declared);
        Assert.Equal(Now, aggregates.DeclaredUpdatedAt);
    }

    [Fact]
    public async Task SetPreferencesAsync_Again_ReplacesEveryFieldIncludingWithNothing()
    {
        var customer = await CreateCustomerAsync();
        await Queries.SetPreferencesAsync(customer.Id,
            new DeclaredPreferences(Channel.Email, new TimeOnly(9, 0), new TimeOnly(17, 0), Tone.Guided, "fr-FR", true, Now.AddDays(3)), Now, Ct);
        var replacement = new DeclaredPreferences(null, null, null, Tone.Concise, null, false, null);

        await Queries.SetPreferencesAsync(customer.Id, replacement, Now.AddHours(2), Ct);

        var aggregates = await FactsAsync(customer);
        Assert.Equal(replacement, aggregates.Declared);
        Assert.Equal(Now.AddHours(2), aggregates.DeclaredUpdatedAt);
    }

    [Fact]
    public async Task SetPreferencesAsync_DeclaredTone_WinsInComputedSignals()
    {
        var customer = await CreateCustomerAsync();
        await Queries.SetPreferencesAsync(customer.Id, new DeclaredPreferences(null, null, null, Tone.Guided, null, false, null), Now, Ct);

        var aggregates = await FactsAsync(customer);
        var signal = CustomerSignals.Compute(aggregates.Facts, ProductCatalog.Default, aggregates.Declared)["preferredTone"];

        Assert.NotNull(signal);
        Assert.Equal("Guided", signal.Value);
        Assert.Equal(SignalSource.Declared, signal.Source);
    }

    // --- Recent conversations ---

    [Fact]
    public async Task RecentConversationsAsync_NewestFirstUpToTakeOnlyThisCustomer()
    {
        var customer = await CreateCustomerAsync();
        var opened = new List<ConversationRecord>();
        foreach (var daysAgo in new[] { 9, 3, 6, 1 })
        {
            opened.Add(await OpenAsync(customer, Now.AddDays(-daysAgo)));
        }
        var other = await CreateCustomerAsync();
        await OpenAsync(other, Now);

        var recent = await Queries.RecentConversationsAsync(customer.Id, 3, Ct);

        Assert.Equal([opened[3].Id, opened[1].Id, opened[2].Id], recent.Select(c => c.Id));
        Assert.All(recent, c => Assert.Equal(customer.Id, c.CustomerId));
    }

    [Fact]
    public async Task RecentConversationsAsync_ResolvedAndRated_CarriesOutcome()
    {
        var customer = await CreateCustomerAsync();
        var conversation = await OpenAsync(customer, Now.AddDays(-4), Channel.Email);
        await ResolveAsync(conversation, Now.AddDays(-3), csat: 4);

        var stored = Assert.Single(await Queries.RecentConversationsAsync(customer.Id, CustomerContextQueries.RecentConversations, Ct));

        Assert.Equal(ConversationStatus.Resolved, stored.Status);
        Assert.Equal(Now.AddDays(-3), stored.ResolvedAt);
        Assert.Equal(4, stored.Csat);
        Assert.Equal(Channel.Email, stored.Channel);
        Assert.Equal(customer.Profile.ExternalId, stored.CustomerExternalId);
    }

    [Fact]
    public async Task RecentConversationsAsync_NoConversations_Empty() =>
        Assert.Empty(await Queries.RecentConversationsAsync((await CreateCustomerAsync()).Id, 10, Ct));
}
