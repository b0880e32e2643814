using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Staff;

public sealed class StaffRepositorySqlServerTests(SqlServerTestServer server) : StaffRepositoryContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
