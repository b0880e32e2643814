using DbUp;
using DbUp.Engine.Output;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Configuration;
using Workspace.Data.Database;

namespace Workspace.Data.Tests.Support;

/// <summary>
/// The SQL Server named by <c>WORKSPACE_TEST_SQLSERVER</c>, shared by the whole test run. On first use it
/// creates a database with a name unique to this run, migrates it, and drops it when the run ends. When
/// the login may not create databases, the connection string's own database is migrated and used instead
/// (the contract tests keep their rows apart with unique ids, so they can share it).
/// </summary>
public sealed class SqlServerTestServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "WORKSPACE_TEST_SQLSERVER";
    public const string SkipReason = "Set WORKSPACE_TEST_SQLSERVER to a SQL Server connection string to run the SQL Server contract tests.";

    private readonly string? _connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DatabaseOptions? _options;
    private string? _createdDatabase;

    /// <summary>Skips the calling test unless a server is configured; otherwise the run's migrated database.</summary>
    public async Task<TestDatabase> OpenAsync()
    {
        Assert.SkipUnless(!string.IsNullOrWhiteSpace(_connectionString), SkipReason);
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            _options ??= CreateRunDatabase(_connectionString!);
            return new SharedDatabase(_options);
        }
        finally
        {
            _gate.Release();
        }
    }

    private DatabaseOptions CreateRunDatabase(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString)
        {
            InitialCatalog = $"workspace_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid():N}",
        };
        try
        {
            EnsureDatabase.For.SqlDatabase(builder.ConnectionString, new NoOpUpgradeLog());
            _createdDatabase = builder.InitialCatalog;
        }
        catch (SqlException) when (!string.IsNullOrEmpty(new SqlConnectionStringBuilder(connectionString).InitialCatalog))
        {
            // This login may not create databases: use the one the connection string names.
            builder = new SqlConnectionStringBuilder(connectionString);
        }
        var options = Resolve(builder.ConnectionString);
        Migrator.Migrate(options);
        return options;
    }

    private static DatabaseOptions Resolve(string connectionString) =>
        DataModule.ResolveOptions(
            new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Database:Provider"] = "SqlServer",
                    ["ConnectionStrings:Workspace"] = connectionString,
                })
                .Build(),
            AppContext.BaseDirectory);

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        if (_createdDatabase is not null && _connectionString is not null)
        {
            SqlConnection.ClearAllPools();
            DropDatabase.For.SqlDatabase(
                new SqlConnectionStringBuilder(_connectionString) { InitialCatalog = _createdDatabase }.ConnectionString, new NoOpUpgradeLog());
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The run's database, handed to one test; the server fixture owns and drops it.</summary>
    private sealed class SharedDatabase(DatabaseOptions options) : TestDatabase(options);
}
