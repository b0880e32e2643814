using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Conversations;

public sealed class CustomerEnsureSqlServerTests(SqlServerTestServer server) : CustomerEnsureContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
