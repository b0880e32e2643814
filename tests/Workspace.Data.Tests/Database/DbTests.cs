using Dapper;
using Workspace.Data.Audit;
using Workspace.Data.Database;
using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Database;

/// <summary>Units of work on the embedded SQLite default: concurrent writers queue instead of failing.</summary>
public sealed class DbTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.CreateMigrated();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string CountSql = "SELECT COUNT(*) FROM audit_log WHERE action = @Action";

    /// <summary>Reads, pauses while holding the transaction, then writes: the shape that fails with "database is locked" without immediate transactions.</summary>
    private static Task WriteOneAsync(Db db, string action, int writer) =>
        db.WriteAsync(async (c, t) =>
        {
            var before = await c.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, new { Action = action }, t, cancellationToken: Ct));
            await Task.Delay(1, Ct);
            await AuditLog.AppendAsync(c, t, $"writer-{writer}", action, before.ToString(System.Globalization.CultureInfo.InvariantCulture), null, Now, Ct);
        }, Ct);

    private Task<long> CountAsync(string action) =>
        _database.Db.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, new { Action = action }, cancellationToken: Ct)), Ct);

    [Fact]
    public async Task WriteAsync_FiftyConcurrentWriters_AllCommit()
    {
        const int writers = 50;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(() => WriteOneAsync(_database.Db, "concurrent", i), Ct)));

        Assert.Equal(writers, await CountAsync("concurrent"));
        // Each writer saw every earlier commit: the transactions ran one after another, none lost.
        var (rows, _) = await new AuditLog(_database.Db).PageAsync("concurrent", 0, writers, Ct);
        Assert.Equal(Enumerable.Range(0, writers).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.Target).Reverse());
    }

    // Two Db instances over one file stand in for two processes (the app and the migrate command):
    // the in-process gate does not cover them, BEGIN IMMEDIATE and the busy timeout must.
    [Fact]
    public async Task WriteAsync_WritersOnTwoDbInstances_AllCommit()
    {
        using var other = new Db(_database.Options);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => WriteOneAsync(i % 2 == 0 ? _database.Db : other, "two-instances", i), Ct)));

        Assert.Equal(40, await CountAsync("two-instances"));
    }

    [Fact]
    public async Task WriteAsync_WorkThrows_NothingStoredAndNextWriteRuns()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _database.Db.WriteAsync(async (c, t) =>
        {
            await AuditLog.AppendAsync(c, t, "someone", "half-done", null, null, Now, Ct);
            throw new InvalidOperationException("second step failed");
        }, Ct));

        await WriteOneAsync(_database.Db, "after-failure", 0).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(0, await CountAsync("half-done"));
        Assert.Equal(1, await CountAsync("after-failure"));
    }

    [Fact]
    public async Task WriteAsync_ReturnsWorkResult()
    {
        var result = await _database.Db.WriteAsync((c, t) => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 41 + 1", transaction: t, cancellationToken: Ct)), Ct);

        Assert.Equal(42, result);
    }

    [Fact]
    public async Task OpenAsync_Sqlite_ForeignKeysEnforced()
    {
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => _database.Db.WriteAsync((c, t) =>
            c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO customer_events (customer_id, event_id, kind, name, occurred_at, properties, received_at) VALUES (424242, 'e', 'Login', 'login', 0, '{}', 0)",
                transaction: t, cancellationToken: Ct)), Ct));
    }

    [Fact]
    public async Task OpenAsync_Sqlite_WriteAheadLogJournal()
    {
        var mode = await _database.Db.ReadAsync(c => c.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode", cancellationToken: Ct)), Ct);

        Assert.Equal("wal", mode);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
