using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Quality;

public sealed class FeedbackQueriesSqliteTests : FeedbackQueriesContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}
