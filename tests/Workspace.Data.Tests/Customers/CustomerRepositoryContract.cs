using Workspace.Data.Customers;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Customers;

namespace Workspace.Data.Tests.Customers;

/// <summary>What <see cref="CustomerRepository"/> promises on every provider.</summary>
public abstract class CustomerRepositoryContract : DatabaseTest
{
    private CustomerRepository Customers => new(Db);

    private static CustomerProfile Profile(string externalId, string name = "Ada Lovelace", string? company = "Analytical Engines") => new(
        ExternalId: externalId,
        Name: name,
        Email: "ada@example.com",
        Phone: "+44 20 7946 0000",
        Company: company,
        Locale: "en-GB",
        TimeZone: "Europe/London",
        Tier: Tier.Enterprise,
        Arr: 123_456.78m,
        LifetimeValue: 9_876_543_210.99m,
        Plan: "Enterprise",
        ProductVersion: "5.2",
        LifecycleStage: LifecycleStage.Adoption,
        AtRisk: true,
        ExperienceLevel: ExperienceLevel.Expert,
        SignedUpAt: new DateTimeOffset(2025, 3, 1, 9, 30, 15, 123, TimeSpan.FromHours(2)),
        RenewalAt: new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
        Attributes: new Dictionary<string, string> { ["seats"] = "120", ["industry"] = "Software", ["note"] = "Ümlaut & \"quotes\"" });

    private static CustomerEvent Event(string id, DateTimeOffset at, EventKind kind = EventKind.FeatureUsed, string name = "dashboards") =>
        new(id, kind, name, at, new Dictionary<string, string> { ["device"] = "web" });

    private static Transaction Transaction(string id, decimal amount, DateTimeOffset at) =>
        new(id, TransactionKind.Invoice, amount, "EUR", TransactionStatus.Paid, at, "Pro Annual");

    private static void AssertSameProfile(CustomerProfile expected, CustomerProfile actual)
    {
        Assert.Equal(expected with { Attributes = actual.Attributes }, actual);
        Assert.Equal(expected.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal), actual.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal));
    }

    private async Task<long> CreateCustomerAsync(string? name = null, string? company = null)
    {
        var (id, _) = await Customers.UpsertAsync(Profile(Unique("cus"), name ?? "Ada Lovelace", company), Now, Ct);
        return id;
    }

    [Fact]
    public async Task UpsertAsync_NewExternalId_CreatesAndRoundTripsEveryField()
    {
        var profile = Profile(Unique("cus"));

        var (id, created) = await Customers.UpsertAsync(profile, Now, Ct);

        Assert.True(created);
        var stored = await Customers.GetAsync(profile.ExternalId, Ct);
        Assert.NotNull(stored);
        Assert.Equal(id, stored.Id);
        AssertSameProfile(profile, stored.Profile);
        Assert.Equal(Now, stored.CreatedAt);
        Assert.Equal(Now, stored.UpdatedAt);
    }

    [Fact]
    public async Task UpsertAsync_ExistingExternalId_ReplacesProfileOfSameCustomer()
    {
        var original = Profile(Unique("cus"));
        var (id, _) = await Customers.UpsertAsync(original, Now, Ct);
        var changed = original with
        {
            Name = "Ada King",
            Email = null,
            Company = null,
            Tier = Tier.Free,
            Arr = 0m,
            LifetimeValue = 0.01m,
            LifecycleStage = null,
            AtRisk = false,
            SignedUpAt = null,
            RenewalAt = null,
            Attributes = new Dictionary<string, string> { ["seats"] = "1" },
        };
        var later = Now.AddHours(3);

        var (sameId, created) = await Customers.UpsertAsync(changed, later, Ct);

        Assert.False(created);
        Assert.Equal(id, sameId);
        var stored = await Customers.GetAsync(original.ExternalId, Ct);
        Assert.NotNull(stored);
        AssertSameProfile(changed, stored.Profile);
        Assert.Equal(Now, stored.CreatedAt);
        Assert.Equal(later, stored.UpdatedAt);
    }

    [Fact]
    public async Task GetAsync_UnknownExternalId_Null() =>
        Assert.Null(await Customers.GetAsync(Unique("missing"), Ct));

    [Fact]
    public async Task AddEventsAsync_SameBatchTwice_StoresEachEventOnce()
    {
        var customerId = await CreateCustomerAsync();
        CustomerEvent[] batch = [Event("evt_1", Now.AddMinutes(-3)), Event("evt_2", Now.AddMinutes(-2)), Event("evt_3", Now.AddMinutes(-1))];

        var first = await Customers.AddEventsAsync(customerId, batch, Now, Ct);
        var second = await Customers.AddEventsAsync(customerId, batch, Now.AddMinutes(1), Ct);

        Assert.Equal(3, first);
        Assert.Equal(0, second);
        Assert.Equal((3, 0), await Customers.CountHistoryAsync(customerId, Ct));
        Assert.All(await Customers.RecentEventsAsync(customerId, 0, 10, Ct), e => Assert.Equal(Now, e.ReceivedAt));
    }

    [Fact]
    public async Task AddEventsAsync_PartlyRepeatedBatch_StoresOnlyTheNewEvents()
    {
        var customerId = await CreateCustomerAsync();
        await Customers.AddEventsAsync(customerId, [Event("evt_1", Now.AddMinutes(-3)), Event("evt_2", Now.AddMinutes(-2))], Now, Ct);

        var stored = await Customers.AddEventsAsync(customerId, [Event("evt_2", Now.AddMinutes(-2)), Event("evt_3", Now.AddMinutes(-1))], Now, Ct);

        Assert.Equal(1, stored);
        Assert.Equal(3, (await Customers.CountHistoryAsync(customerId, Ct)).Events);
    }

    [Fact]
    public async Task AddEventsAsync_SameEventIdForTwoCustomers_StoredForEach()
    {
        var first = await CreateCustomerAsync();
        var second = await CreateCustomerAsync();

        Assert.Equal(1, await Customers.AddEventsAsync(first, [Event("evt_shared", Now)], Now, Ct));
        Assert.Equal(1, await Customers.AddEventsAsync(second, [Event("evt_shared", Now)], Now, Ct));

        Assert.Equal(1, (await Customers.CountHistoryAsync(first, Ct)).Events);
        Assert.Equal(1, (await Customers.CountHistoryAsync(second, Ct)).Events);
    }

    [Fact]
    public async Task AddEventsAsync_StoredEvent_RoundTripsEveryField()
    {
        var customerId = await CreateCustomerAsync();
        var occurred = new DateTimeOffset(2026, 4, 30, 8, 15, 42, 7, TimeSpan.Zero);
        var e = new CustomerEvent("evt_step", EventKind.OnboardingStepFailed, "connect-data-source", occurred,
            new Dictionary<string, string> { ["reason"] = "timeout", ["attempt"] = "2" });

        await Customers.AddEventsAsync(customerId, [e], Now, Ct);

        var stored = Assert.Single(await Customers.RecentEventsAsync(customerId, 0, 10, Ct));
        Assert.Equal(e with { Properties = stored.Event.Properties }, stored.Event);
        Assert.Equal("timeout", stored.Event.Properties["reason"]);
        Assert.Equal("2", stored.Event.Properties["attempt"]);
        Assert.Equal(Now, stored.ReceivedAt);
    }

    [Fact]
    public async Task RecentEventsAsync_Pages_NewestFirst()
    {
        var customerId = await CreateCustomerAsync();
        // Stored out of order: the page order must come from occurred_at, not insertion.
        await Customers.AddEventsAsync(customerId,
            [Event("e3", Now.AddHours(-3)), Event("e1", Now.AddHours(-5)), Event("e5", Now.AddHours(-1)), Event("e2", Now.AddHours(-4)), Event("e4", Now.AddHours(-2))],
            Now, Ct);

        var first = await Customers.RecentEventsAsync(customerId, 0, 2, Ct);
        var second = await Customers.RecentEventsAsync(customerId, 2, 2, Ct);
        var last = await Customers.RecentEventsAsync(customerId, 4, 2, Ct);

        Assert.Equal(["e5", "e4"], first.Select(e => e.Event.EventId));
        Assert.Equal(["e3", "e2"], second.Select(e => e.Event.EventId));
        Assert.Equal(["e1"], last.Select(e => e.Event.EventId));
    }

    [Fact]
    public async Task RecentEventsAsync_SameOccurredAt_LaterStoredComesFirst()
    {
        var customerId = await CreateCustomerAsync();
        await Customers.AddEventsAsync(customerId, [Event("first", Now)], Now, Ct);
        await Customers.AddEventsAsync(customerId, [Event("second", Now)], Now, Ct);

        var events = await Customers.RecentEventsAsync(customerId, 0, 10, Ct);

        Assert.Equal(["second", "first"], events.Select(e => e.Event.EventId));
    }

    [Fact]
    public async Task RecentEventsAsync_OtherCustomersEvents_NotIncluded()
    {
        var mine = await CreateCustomerAsync();
        var theirs = await CreateCustomerAsync();
        await Customers.AddEventsAsync(theirs, [Event("theirs", Now)], Now, Ct);

        Assert.Empty(await Customers.RecentEventsAsync(mine, 0, 10, Ct));
    }

    [Fact]
    public async Task AddTransactionAsync_SameIdTwice_StoredOnce()
    {
        var customerId = await CreateCustomerAsync();
        var transaction = Transaction("inv_1", 19.99m, Now.AddDays(-1));

        Assert.True(await Customers.AddTransactionAsync(customerId, transaction, Now, Ct));
        Assert.False(await Customers.AddTransactionAsync(customerId, transaction with { Amount = 5m }, Now, Ct));

        Assert.Equal((0, 1), await Customers.CountHistoryAsync(customerId, Ct));
        var stored = Assert.Single(await Customers.RecentTransactionsAsync(customerId, 0, 10, Ct));
        Assert.Equal(19.99m, stored.Transaction.Amount);
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("19.99")]
    [InlineData("1000000000.50")]
    public async Task AddTransactionAsync_Amount_RoundTripsExactly(string amountText)
    {
        var amount = decimal.Parse(amountText, System.Globalization.CultureInfo.InvariantCulture);
        var customerId = await CreateCustomerAsync();
        var transaction = new Transaction("txn_1", TransactionKind.Refund, amount, "USD", TransactionStatus.Refunded, Now.AddDays(-2), null);

        await Customers.AddTransactionAsync(customerId, transaction, Now, Ct);

        var stored = Assert.Single(await Customers.RecentTransactionsAsync(customerId, 0, 10, Ct));
        Assert.Equal(transaction, stored.Transaction);
        Assert.Equal(Now, stored.ReceivedAt);
    }

    [Fact]
    public async Task RecentTransactionsAsync_Pages_NewestFirst()
    {
        var customerId = await CreateCustomerAsync();
        await Customers.AddTransactionAsync(customerId, Transaction("t2", 2m, Now.AddDays(-2)), Now, Ct);
        await Customers.AddTransactionAsync(customerId, Transaction("t1", 1m, Now.AddDays(-3)), Now, Ct);
        await Customers.AddTransactionAsync(customerId, Transaction("t3", 3m, Now.AddDays(-1)), Now, Ct);

        var first = await Customers.RecentTransactionsAsync(customerId, 0, 2, Ct);
        var rest = await Customers.RecentTransactionsAsync(customerId, 2, 2, Ct);

        Assert.Equal(["t3", "t2"], first.Select(t => t.Transaction.TransactionId));
        Assert.Equal(["t1"], rest.Select(t => t.Transaction.TransactionId));
    }

    [Fact]
    public async Task SearchAsync_PartOfNameCompanyOrExternalId_FindsCustomer()
    {
        var token = Guid.NewGuid().ToString("N")[..12];
        var byName = Profile($"name-{token}", name: $"Grace {token}x Hopper", company: "Navy");
        var byCompany = Profile($"company-{token}", name: "Alan Turing", company: $"Bletchley {token}y Park");
        await Customers.UpsertAsync(byName, Now, Ct);
        await Customers.UpsertAsync(byCompany, Now, Ct);

        var (nameRows, nameTotal) = await Customers.SearchAsync($"{token}x", 0, 10, Ct);
        var (companyRows, companyTotal) = await Customers.SearchAsync($"{token}y", 0, 10, Ct);
        var (idRows, idTotal) = await Customers.SearchAsync($"company-{token}", 0, 10, Ct);

        Assert.Equal([byName.ExternalId], nameRows.Select(r => r.ExternalId));
        Assert.Equal(1, nameTotal);
        Assert.Equal([byCompany.ExternalId], companyRows.Select(r => r.ExternalId));
        Assert.Equal(1, companyTotal);
        Assert.Equal([byCompany.ExternalId], idRows.Select(r => r.ExternalId));
        Assert.Equal(1, idTotal);
    }

    [Fact]
    public async Task SearchAsync_Match_ReturnsDirectorySummary()
    {
        var token = Guid.NewGuid().ToString("N")[..12];
        var profile = Profile($"sum-{token}", name: $"Summary {token}", company: "Acme");
        await Customers.UpsertAsync(profile, Now, Ct);

        var (rows, _) = await Customers.SearchAsync(token, 0, 10, Ct);

        Assert.Equal(
            new CustomerSummary(profile.ExternalId, profile.Name, "Acme", Tier.Enterprise, LifecycleStage.Adoption, 123_456.78m, Now),
            Assert.Single(rows));
    }

    [Fact]
    public async Task SearchAsync_MoreMatchesThanPage_PagesByNameAndCountsAll()
    {
        var token = Guid.NewGuid().ToString("N")[..12];
        foreach (var name in new[] { "Charlie", "Alice", "Bob" })
        {
            await Customers.UpsertAsync(Profile(Unique("cus"), name: $"{name} {token}"), Now, Ct);
        }

        var (first, total) = await Customers.SearchAsync(token, 0, 2, Ct);
        var (second, _) = await Customers.SearchAsync(token, 2, 2, Ct);

        Assert.Equal(3, total);
        Assert.Equal([$"Alice {token}", $"Bob {token}"], first.Select(r => r.Name));
        Assert.Equal([$"Charlie {token}"], second.Select(r => r.Name));
    }

    [Fact]
    public async Task SearchAsync_NoQuery_PagesWholeDirectory()
    {
        await CreateCustomerAsync();
        await CreateCustomerAsync();
        await CreateCustomerAsync();

        var (rows, total) = await Customers.SearchAsync("  ", 0, 2, Ct);

        Assert.True(total >= 3, $"total was {total}");
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task SearchAsync_NoMatch_EmptyWithZeroTotal()
    {
        await CreateCustomerAsync();

        var (rows, total) = await Customers.SearchAsync(Guid.NewGuid().ToString("N"), 0, 10, Ct);

        Assert.Empty(rows);
        Assert.Equal(0, total);
    }

    // External ids such as the demo's cus_0001 contain '_'; an agent pasting one must find the customer.
    [Fact]
    public async Task SearchAsync_ExternalIdContainingUnderscore_FindsCustomer()
    {
        var externalId = $"cus_{Guid.NewGuid():N}";
        await Customers.UpsertAsync(Profile(externalId), Now, Ct);

        var (rows, total) = await Customers.SearchAsync(externalId, 0, 10, Ct);

        Assert.Equal(1, total);
        Assert.Equal(externalId, Assert.Single(rows).ExternalId);
    }
}
