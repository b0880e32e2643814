using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Notifications;

public sealed class NotificationRepositorySqliteTests : NotificationRepositoryContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}
