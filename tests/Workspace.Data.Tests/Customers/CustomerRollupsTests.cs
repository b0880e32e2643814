using Dapper;
using Workspace.Data.Customers;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Customers;

namespace Workspace.Data.Tests.Customers;

/// <summary>
/// The roll-ups kept as events and transactions are stored must equal what a full rebuild from the
/// raw rows gives, or the context panel would drift from the history it summarises.
/// </summary>
public sealed class CustomerRollupsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.CreateMigrated();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string SnapshotSql = """
        SELECT 'f:' || customer_id || ':' || feature || ':' || uses || ':' || last_used_at FROM customer_feature_usage
        UNION ALL SELECT 'a:' || customer_id || ':' || hour_bucket || ':' || events FROM customer_activity_hours
        UNION ALL SELECT 'r:' || customer_id || ':' || events || ':' || COALESCE(last_seen_at, 0) || ':' || transactions || ':' || paid_minor
            || ':' || refunded_minor || ':' || outstanding_minor FROM customer_rollups
        """;

    private Task<List<string>> SnapshotAsync() =>
        _database.Db.ReadAsync(async c => (await c.QueryAsync<string>(new CommandDefinition(SnapshotSql, cancellationToken: Ct))).Order(StringComparer.Ordinal).ToList(), Ct);

    [Fact]
    public async Task StoredThroughRepository_EqualsFullRebuild_IncludingRetriesStoredOnce()
    {
        var customers = new CustomerRepository(_database.Db);
        var (id, _) = await customers.UpsertAsync(new CustomerProfile("roll-1", "Roll Up", null, null, null, null, null, Tier.Pro, 100, 100,
            null, null, null, null, ExperienceLevel.New, null, null, new Dictionary<string, string>()), Now, Ct);
        var events = new List<CustomerEvent>();
        for (var i = 0; i < 40; i++)
        {
            var kind = (i % 4) switch { 0 => EventKind.Login, 1 => EventKind.FeatureUsed, 2 => EventKind.ErrorRaised, _ => EventKind.FeatureUsed };
            events.Add(new CustomerEvent($"e{i}", kind, i % 3 == 0 ? "reports" : "dashboards", Now.AddHours(-i * 5), new Dictionary<string, string>()));
        }
        await customers.AddEventsAsync(id, events, Now, Ct);
        await customers.AddEventsAsync(id, events.Take(10).ToList(), Now, Ct);
        await customers.AddTransactionAsync(id, new Transaction("t1", TransactionKind.Invoice, 10m, "USD", TransactionStatus.Paid, Now, null), Now, Ct);
        await customers.AddTransactionAsync(id, new Transaction("t2", TransactionKind.Refund, 4m, "USD", TransactionStatus.Refunded, Now, null), Now, Ct);
        await customers.AddTransactionAsync(id, new Transaction("t3", TransactionKind.Invoice, 7m, "USD", TransactionStatus.Failed, Now, null), Now, Ct);
        await customers.AddTransactionAsync(id, new Transaction("t1", TransactionKind.Invoice, 10m, "USD", TransactionStatus.Paid, Now, null), Now, Ct);
        var incremental = await SnapshotAsync();

        await _database.Db.WriteAsync((c, t) => CustomerRollups.RebuildAsync(c, t, Ct), Ct);

        Assert.Contains($"r:{id}:40:{Now.ToUnixTimeMilliseconds()}:3:1000:400:700", incremental);
        Assert.Equal(await SnapshotAsync(), incremental);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
