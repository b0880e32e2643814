using Dapper;
using Workspace.Data.Audit;
using Workspace.Data.Database;
using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Database;

/// <summary>
/// SQLite writes waiting together share one commit; each unit must still succeed or fail on its own
/// and be acknowledged only once durable.
/// </summary>
public sealed class DbGroupCommitTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.CreateMigrated();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string TargetsSql = "SELECT target FROM audit_log WHERE action = @Action";

    private Task<List<string>> TargetsAsync(string action) =>
        _database.Db.ReadAsync(async c => (await c.QueryAsync<string>(new CommandDefinition(TargetsSql, new { Action = action }, cancellationToken: Ct))).ToList(), Ct);

    [Fact]
    public async Task WriteAsync_FailingUnitsAmongConcurrentOnes_OnlyTheFailingOnesRolledBack()
    {
        var writes = Enumerable.Range(0, 60).Select(i => Task.Run(() => _database.Db.WriteAsync(async (c, t) =>
        {
            await AuditLog.AppendAsync(c, t, "tester", "grouped", $"unit-{i}", null, Now, Ct);
            if (i % 3 == 0)
            {
                throw new InvalidOperationException($"unit {i} fails after writing");
            }
        }, Ct), Ct)).ToList();

        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }));

        Assert.Equal(40, outcomes.Count(o => o));
        var stored = await TargetsAsync("grouped");
        Assert.Equal(Enumerable.Range(0, 60).Where(i => i % 3 != 0).Select(i => $"unit-{i}").Order(), stored.Order());
    }

    [Fact]
    public async Task WriteAsync_CancelledBeforeItRuns_NotStoredAndOthersCommit()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var kept = _database.Db.WriteAsync((c, t) => AuditLog.AppendAsync(c, t, "tester", "cancel-check", "kept", null, Now, Ct), Ct);
        var dropped = _database.Db.WriteAsync((c, t) => AuditLog.AppendAsync(c, t, "tester", "cancel-check", "dropped", null, Now, Ct), cancelled.Token);

        await kept;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dropped);
        Assert.Equal(["kept"], await TargetsAsync("cancel-check"));
    }

    [Fact]
    public async Task WriteAsync_Acknowledged_VisibleToAFreshReader()
    {
        var id = await _database.Db.WriteAsync(async (c, t) =>
        {
            await AuditLog.AppendAsync(c, t, "tester", "durable", "one", null, Now, Ct);
            return 1;
        }, Ct);

        Assert.Equal(1, id);
        using var other = new Db(_database.Options);
        var seen = await other.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM audit_log WHERE action = 'durable'", cancellationToken: Ct)), Ct);
        Assert.Equal(1, seen);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
