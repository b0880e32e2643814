using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Conversations;

public sealed class InboxQueriesSqlServerTests(SqlServerTestServer server) : InboxQueriesContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
