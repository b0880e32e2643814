using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Routing;

public sealed class RoutingAssignmentSqliteTests : RoutingAssignmentContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}
