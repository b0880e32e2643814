using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.ApiKeys;

public sealed class ApiKeyRepositorySqliteTests : ApiKeyRepositoryContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}
