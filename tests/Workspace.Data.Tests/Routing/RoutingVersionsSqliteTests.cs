using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Routing;

public sealed class RoutingVersionsSqliteTests : RoutingVersionsContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}
