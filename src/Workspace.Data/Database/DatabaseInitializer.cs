using Workspace.Data.Conversations;
using Workspace.Data.Demo;
using Workspace.Data.Staff;

namespace Workspace.Data.Database;

/// <summary>Brings the schema up to date and, when asked and the database is empty, writes the demo world.</summary>
public sealed class DatabaseInitializer(DatabaseOptions options, StaffRepository staff, DemoDataGenerator demo, MessageSearch search)
{
    public async Task<InitializationResult> InitializeAsync(bool seedDemo, DateTimeOffset now, CancellationToken ct)
    {
        var applied = Migrator.Migrate(options);
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            // SQL Server's word index is filled by the application for messages stored before it existed.
            await search.CatchUpAsync(ct);
        }
        var seeded = false;
        if (seedDemo && await staff.CountAsync(ct) == 0)
        {
            await demo.GenerateAsync(DemoSize.Demo, now, progress: null, ct);
            seeded = true;
        }
        return new InitializationResult(applied, seeded);
    }
}

public sealed record InitializationResult(IReadOnlyList<string> AppliedScripts, bool SeededDemo);
