using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Customers;

public sealed class CustomerRepositorySqliteTests : CustomerRepositoryContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}
