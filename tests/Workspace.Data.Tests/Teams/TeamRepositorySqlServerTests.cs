using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Teams;

public sealed class TeamRepositorySqlServerTests(SqlServerTestServer server) : TeamRepositoryContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
