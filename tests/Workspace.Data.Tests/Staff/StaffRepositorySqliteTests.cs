using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Staff;

public sealed class StaffRepositorySqliteTests : StaffRepositoryContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}
