using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Routing;

public sealed class RoutingVersionsSqlServerTests(SqlServerTestServer server) : RoutingVersionsContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
