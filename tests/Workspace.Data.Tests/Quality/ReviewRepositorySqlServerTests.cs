using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Quality;

public sealed class ReviewRepositorySqlServerTests(SqlServerTestServer server) : ReviewRepositoryContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
