using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.ApiKeys;

public sealed class ApiKeyRepositorySqlServerTests(SqlServerTestServer server) : ApiKeyRepositoryContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
