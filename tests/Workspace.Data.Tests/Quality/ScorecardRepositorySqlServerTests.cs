using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Quality;

public sealed class ScorecardRepositorySqlServerTests(SqlServerTestServer server) : ScorecardRepositoryContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
