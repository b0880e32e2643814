using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Workspace.Data.Database;

namespace Workspace.Data.Tests.Support;

/// <summary>A fresh SQLite file in the temp folder, configured as the app configures it; deleted (with its WAL files) on dispose.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private SqliteTestDatabase(string path, DatabaseOptions options)
        : base(options) => FilePath = path;

    public string FilePath { get; }

    /// <summary>Options for a new, empty file (not migrated), resolved the way the app resolves them.</summary>
    public static DatabaseOptions OptionsForNewFile(out string path)
    {
        path = Path.Combine(Path.GetTempPath(), "workspace-tests", $"{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Workspace"] = $"Data Source={path}" })
            .Build();
        return DataModule.ResolveOptions(configuration, Path.GetTempPath());
    }

    /// <summary>A new file with the schema applied.</summary>
    public static SqliteTestDatabase CreateMigrated()
    {
        var database = CreateEmpty();
        Migrator.Migrate(database.Options);
        return database;
    }

    /// <summary>A new file path with nothing applied yet (the file appears on first use).</summary>
    public static SqliteTestDatabase CreateEmpty()
    {
        var options = OptionsForNewFile(out var path);
        return new SqliteTestDatabase(path, options);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the file open; release them before deleting it.
        using (var connection = new SqliteConnection(Options.ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
