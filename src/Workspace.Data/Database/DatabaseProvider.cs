namespace Workspace.Data.Database;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
