using Workspace.Data.Database;

namespace Workspace.Data.Tests.Support;

/// <summary>A migrated database one test runs against; disposing it removes whatever it created.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    protected TestDatabase(DatabaseOptions options)
    {
        Options = options;
        Db = new Db(options);
    }

    public DatabaseOptions Options { get; }

    public Db Db { get; }

    public virtual ValueTask DisposeAsync()
    {
        Db.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
