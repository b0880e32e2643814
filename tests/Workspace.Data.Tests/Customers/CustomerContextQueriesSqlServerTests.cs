using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Customers;

public sealed class CustomerContextQueriesSqlServerTests(SqlServerTestServer server) : CustomerContextQueriesContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
