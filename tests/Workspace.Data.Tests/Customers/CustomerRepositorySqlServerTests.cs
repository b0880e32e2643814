using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Customers;

public sealed class CustomerRepositorySqlServerTests(SqlServerTestServer server) : CustomerRepositoryContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
