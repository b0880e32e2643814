using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Quality;

public sealed class FeedbackQueriesSqlServerTests(SqlServerTestServer server) : FeedbackQueriesContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
