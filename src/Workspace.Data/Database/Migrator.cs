using System.Reflection;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;

namespace Workspace.Data.Database;

/// <summary>
/// Applies the embedded scripts under db/migrations/{sqlite,sqlserver} with DbUp, journaled in
/// <c>SchemaVersions</c>; a script already applied is never run again, so merged scripts never change.
/// </summary>
public static class Migrator
{
    public const string JournalTable = "SchemaVersions";

    public static IReadOnlyList<string> ScriptNames(DatabaseProvider provider) =>
        typeof(Migrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix(provider), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string ReadScript(string resourceName)
    {
        using var stream = typeof(Migrator).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Migration script '{resourceName}' is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Brings the schema up to date; returns the names of the scripts it ran.</summary>
    public static IReadOnlyList<string> Migrate(DatabaseOptions options)
    {
        UpgradeEngineBuilder builder;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            PrepareSqliteFile(options.ConnectionString);
            builder = DeployChanges.To.SqliteDatabase(options.ConnectionString);
        }
        else
        {
            EnsureDatabase.For.SqlDatabase(options.ConnectionString);
            builder = DeployChanges.To.SqlDatabase(options.ConnectionString).JournalToSqlTable("dbo", JournalTable);
        }
        var prefix = ResourcePrefix(options.Provider);
        var engine = builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migration failed in script '{result.ErrorScript?.Name}': {result.Error.Message}", result.Error);
        }
        return result.Scripts.Select(s => s.Name).ToList();
    }

    private static string ResourcePrefix(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Migrations.Sqlite.",
        DatabaseProvider.SqlServer => "Migrations.SqlServer.",
    };

    /// <summary>WAL lets readers proceed while one writer commits; the setting persists in the file.</summary>
    private static void PrepareSqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }
}
