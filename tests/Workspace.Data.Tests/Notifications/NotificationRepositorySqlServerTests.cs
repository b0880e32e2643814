using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Notifications;

public sealed class NotificationRepositorySqlServerTests(SqlServerTestServer server) : NotificationRepositoryContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
