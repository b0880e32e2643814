using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Conversations;

public sealed class ConversationRepositorySqliteTests : ConversationRepositoryContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}
