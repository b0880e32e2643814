using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Audit;

public sealed class AuditLogSqlServerTests(SqlServerTestServer server) : AuditLogContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
