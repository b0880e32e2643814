using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Teams;

public sealed class TeamRepositorySqliteTests : TeamRepositoryContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}
