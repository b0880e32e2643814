using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Conversations;

public sealed class ConversationRepositorySqlServerTests(SqlServerTestServer server) : ConversationRepositoryContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
