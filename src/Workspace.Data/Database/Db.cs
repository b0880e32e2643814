using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Workspace.Data.Database;

/// <summary>
/// Opens connections for the configured provider and runs units of work. On SQLite, writes are
/// serialized inside the process and begin with <c>BEGIN IMMEDIATE</c>, so concurrent writers queue
/// instead of failing with "database is locked"; other processes wait on the busy timeout.
/// </summary>
public sealed class Db : IDisposable
{
    private const int BusyTimeoutMs = 10_000;
    private readonly SemaphoreSlim _sqliteWriteGate = new(1, 1);

    public Db(DatabaseOptions options)
    {
        Options = options;
        Dialect = new SqlDialect(options.Provider);
    }

    public DatabaseOptions Options { get; }

    public ISqlDialect Dialect { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = Options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(Options.ConnectionString),
            DatabaseProvider.SqlServer => new SqlConnection(Options.ConnectionString),
        };
        try
        {
            await connection.OpenAsync(ct);
            if (connection is SqliteConnection sqlite)
            {
                await using var pragma = sqlite.CreateCommand();
                pragma.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BusyTimeoutMs};";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await work(connection);
    }

    public Task WriteAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken ct) =>
        WriteAsync<bool>(async (c, t) => { await work(c, t); return true; }, ct);

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is stored, or none.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        var gated = Options.Provider == DatabaseProvider.Sqlite;
        if (gated)
        {
            await _sqliteWriteGate.WaitAsync(ct);
        }
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            if (gated)
            {
                _sqliteWriteGate.Release();
            }
        }
    }

    private const string PingSql = "SELECT 1";

    /// <summary>Proves the database answers a query (readiness).</summary>
    public Task PingAsync(CancellationToken ct) =>
        ReadAsync(async c =>
        {
            await using var command = c.CreateCommand();
            command.CommandText = PingSql;
            return await command.ExecuteScalarAsync(ct);
        }, ct);

    public void Dispose() => _sqliteWriteGate.Dispose();
}
