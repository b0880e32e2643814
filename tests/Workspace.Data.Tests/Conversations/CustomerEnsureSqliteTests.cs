using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Conversations;

public sealed class CustomerEnsureSqliteTests : CustomerEnsureContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}
