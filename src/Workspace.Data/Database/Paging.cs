namespace Workspace.Data.Database;

/// <summary>
/// The dialects' spellings of "the first @Take rows", appended to a query that ends with its ORDER BY.
/// Kept as constants so whole statements stay compile-time constants the T-SQL parse test can read.
/// </summary>
public static class Paging
{
    public const string SqliteFirstRows = "\nLIMIT @Take";
    public const string SqlServerFirstRows = "\nOFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY";
}
