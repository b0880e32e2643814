namespace Workspace.Data.Database;

public sealed class DatabaseOptions
{
    public const string DefaultSqliteFile = "data/workspace.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "";
}
