using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Audit;

public sealed class AuditLogSqliteTests : AuditLogContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}
