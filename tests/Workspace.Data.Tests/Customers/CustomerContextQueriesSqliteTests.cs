using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Customers;

public sealed class CustomerContextQueriesSqliteTests : CustomerContextQueriesContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}
