using Workspace.Data.Database;

namespace Workspace.Data.Tests.Support;

/// <summary>
/// Base of the repository contracts: each test gets a migrated database from its provider subclass.
/// Ids, emails and action names are unique per test, so tests also hold when they share one database.
/// </summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    /// <summary>A fixed clock on a whole millisecond, so stored times compare exactly.</summary>
    protected static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database opens in InitializeAsync.");

    protected Db Db => Database.Db;

    protected abstract Task<TestDatabase> OpenDatabaseAsync();

    protected static string Unique(string prefix) => $"{prefix}_{Guid.NewGuid():N}";

    public async ValueTask InitializeAsync() => _database = await OpenDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
