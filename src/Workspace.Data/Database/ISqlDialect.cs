namespace Workspace.Data.Database;

/// <summary>
/// The one place provider differences are chosen. Repositories keep both spellings of a statement as
/// constants named <c>…Sqlite</c> and <c>…SqlServer</c> beside the method that runs it, and pick here;
/// every constant not named <c>…Sqlite</c> must parse as T-SQL (checked by a test).
/// </summary>
public interface ISqlDialect
{
    DatabaseProvider Provider { get; }

    string Pick(string sqlite, string sqlServer);
}

public sealed record SqlDialect(DatabaseProvider Provider) : ISqlDialect
{
    public string Pick(string sqlite, string sqlServer) => Provider switch
    {
        DatabaseProvider.Sqlite => sqlite,
        DatabaseProvider.SqlServer => sqlServer,
    };
}
