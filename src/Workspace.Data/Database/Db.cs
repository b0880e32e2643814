using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Workspace.Data.Database;

/// <summary>
/// Opens connections for the configured provider and runs units of work. On SQLite every write goes
/// through one writer that holds a connection open and commits in groups: the writes waiting at the
/// same moment run one after another inside a single <c>BEGIN IMMEDIATE</c> transaction, each in a
/// savepoint of its own, and share one commit (one fsync). Each unit still succeeds or fails whole,
/// and is acknowledged only after the commit that made it durable. Concurrent writers therefore queue
/// instead of failing with "database is locked"; other processes wait on the busy timeout.
/// </summary>
public sealed class Db : IDisposable, IAsyncDisposable
{
    private const int BusyTimeoutMs = 10_000;

    /// <summary>The most units one commit carries, so one commit never holds the lock for long.</summary>
    public const int MaxGroupSize = 256;

    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _writerGate = new();
    private Task? _writer;

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
        if (Options.Provider == DatabaseProvider.Sqlite)
        {
            var pending = new PendingWrite<T>(work, ct);
            if (!_writes.Writer.TryWrite(pending))
            {
                throw new ObjectDisposedException(nameof(Db), "The database is shutting down; the write was not started.");
            }
            EnsureWriter();
            return await pending.Task;
        }
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(ct);
        return result;
    }

    private void EnsureWriter()
    {
        if (_writer is not null)
        {
            return;
        }
        lock (_writerGate)
        {
            _writer ??= Task.Run(WriteLoopAsync);
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _writes.Reader;
        var group = new List<PendingWrite>(MaxGroupSize);
        SqliteConnection? connection = null;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                while (group.Count < MaxGroupSize && reader.TryRead(out var next))
                {
                    group.Add(next);
                }
                try
                {
                    connection ??= (SqliteConnection)await OpenAsync(CancellationToken.None);
                    await CommitGroupAsync(connection, group);
                }
                catch (Exception e)
                {
                    // The connection itself failed (not one unit's work): fail what is left and start afresh.
                    foreach (var pending in group)
                    {
                        pending.Fail(e);
                    }
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
                group.Clear();
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task CommitGroupAsync(SqliteConnection connection, List<PendingWrite> group)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        var done = new List<PendingWrite>(group.Count);
        foreach (var pending in group)
        {
            if (pending.CancellationToken.IsCancellationRequested)
            {
                pending.Cancel();
                continue;
            }
            await transaction.SaveAsync("unit");
            try
            {
                await pending.RunAsync(connection, transaction);
                await transaction.ReleaseAsync("unit");
                done.Add(pending);
            }
            catch (Exception e)
            {
                await transaction.RollbackAsync("unit");
                await transaction.ReleaseAsync("unit");
                pending.Fail(e);
            }
        }
        try
        {
            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            foreach (var pending in done)
            {
                pending.Fail(e);
            }
            return;
        }
        foreach (var pending in done)
        {
            pending.Complete();
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

    /// <summary>Stops taking writes and waits for the ones already accepted to commit.</summary>
    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        if (_writer is { } writer)
        {
            await writer;
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private abstract class PendingWrite(CancellationToken ct)
    {
        public CancellationToken CancellationToken { get; } = ct;

        public abstract Task RunAsync(DbConnection connection, DbTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception e);

        public abstract void Cancel();
    }

    private sealed class PendingWrite<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct) : PendingWrite(ct)
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override async Task RunAsync(DbConnection connection, DbTransaction transaction) =>
            _result = await work(connection, transaction);

        public override void Complete() => _completion.TrySetResult(_result!);

        public override void Fail(Exception e) => _completion.TrySetException(e);

        public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
    }
}
