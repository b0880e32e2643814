using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Routing;

public sealed class RoutingAssignmentSqlServerTests(SqlServerTestServer server) : RoutingAssignmentContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
