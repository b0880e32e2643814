using Dapper;
using Workspace.Data.Database;
using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Database;

public sealed class MigratorTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.CreateEmpty();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Migrate_NewSqliteFile_AppliesEveryScriptInOrder()
    {
        var applied = Migrator.Migrate(_database.Options);

        Assert.Equal(Migrator.ScriptNames(DatabaseProvider.Sqlite), applied);
        Assert.True(File.Exists(_database.FilePath));
    }

    [Fact]
    public void Migrate_SecondRun_AppliesNothing()
    {
        Migrator.Migrate(_database.Options);

        Assert.Empty(Migrator.Migrate(_database.Options));
    }

    [Fact]
    public async Task Migrate_NewSqliteFile_CreatesTablesAndJournal()
    {
        Migrator.Migrate(_database.Options);

        var tables = await _database.Db.ReadAsync(c => c.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM sqlite_master WHERE type = 'table'", cancellationToken: Ct)), Ct);
        Assert.Superset(
            new HashSet<string>(["customers", "customer_events", "transactions", "teams", "skills", "users", "user_roles", "agents",
                "team_members", "agent_skills", "conversations", "messages", "api_keys", "audit_log", Migrator.JournalTable]),
            tables.ToHashSet());
    }

    [Fact]
    public void Migrate_FolderMissing_CreatesIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "workspace-tests", Guid.NewGuid().ToString("N"));
        var options = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "nested", "workspace.db")};Pooling=False" };
        try
        {
            Assert.NotEmpty(Migrator.Migrate(options));
            Assert.True(File.Exists(Path.Combine(folder, "nested", "workspace.db")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ReadScript_UnknownName_ThrowsNamingIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Migrator.ReadScript("Migrations.Sqlite.9999_missing.sql"));

        Assert.Contains("9999_missing", e.Message, StringComparison.Ordinal);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
