using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Workspace.Data.Database;

namespace Workspace.Data.Tests.Database;

/// <summary>
/// SQL Server cannot run here, so every SQL Server migration script and every statement the data layer
/// may send to SQL Server is at least parsed as T-SQL on every run.
/// </summary>
public class SqlServerScriptTests
{
    // Lower bounds on what the reflection finds, so a broken scan cannot pass with nothing checked.
    private const int MinimumSqlServerStatements = 40;
    private const int MinimumSqliteOnlyStatements = 15;

    private const BindingFlags ConstantFields = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly Assembly DataAssembly = typeof(Db).Assembly;

    /// <summary>Parse errors as "line:column message", empty when the text is valid T-SQL.</summary>
    private static List<string> ParseErrors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"{e.Line}:{e.Column} {e.Message}").ToList();
    }

    private static IEnumerable<(Type Type, FieldInfo Field, string Sql)> SqlConstants() =>
        from type in DataAssembly.GetTypes()
        from field in type.GetFields(ConstantFields)
        where field.IsLiteral && field.FieldType == typeof(string)
        select (type, field, (string)field.GetRawConstantValue()!);

    private static bool IsSqlServerName(string name) => name.EndsWith("Sql", StringComparison.Ordinal) || name.EndsWith("SqlServer", StringComparison.Ordinal);

    [Fact]
    public void ScriptNames_SqlServer_FindsEmbeddedMigrations() =>
        Assert.Contains(Migrator.ScriptNames(DatabaseProvider.SqlServer), n => n.EndsWith("0001_initial.sql", StringComparison.Ordinal));

    [Fact]
    public void MigrationScripts_SqlServer_ParseWithoutErrors()
    {
        var names = Migrator.ScriptNames(DatabaseProvider.SqlServer);
        Assert.NotEmpty(names);

        var failures = names
            .Select(name => (name, errors: ParseErrors(Migrator.ReadScript(name))))
            .Where(r => r.errors.Count > 0)
            .Select(r => $"{r.name}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", r.errors)}")
            .ToList();

        Assert.True(failures.Count == 0, "SQL Server migration scripts that do not parse as T-SQL:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void MigrationScripts_BothProviders_SameScriptFileNames()
    {
        static IEnumerable<string> FileNames(DatabaseProvider provider) =>
            Migrator.ScriptNames(provider).Select(n => string.Join('.', n.Split('.')[^2..]));

        Assert.Equal(FileNames(DatabaseProvider.Sqlite), FileNames(DatabaseProvider.SqlServer));
    }

    [Fact]
    public void SqlServerStatementConstants_ParseWithoutErrors()
    {
        var statements = SqlConstants().Where(c => IsSqlServerName(c.Field.Name)).ToList();

        var failures = statements
            .Select(c => (c.Type, c.Field, errors: ParseErrors(c.Sql)))
            .Where(r => r.errors.Count > 0)
            .Select(r => $"{r.Type.FullName}.{r.Field.Name}: {string.Join("; ", r.errors)}")
            .ToList();

        Assert.True(failures.Count == 0, "Statements sent to SQL Server that do not parse as T-SQL:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
        Assert.True(statements.Count >= MinimumSqlServerStatements,
            $"Expected at least {MinimumSqlServerStatements} SQL Server statements in {DataAssembly.GetName().Name}, found {statements.Count}: the scan is missing some.");
    }

    [Fact]
    public void SqliteStatementConstants_EachHasSqlServerTwinInSameType()
    {
        var constants = SqlConstants().ToList();
        var sqliteOnly = constants.Where(c => c.Field.Name.EndsWith("Sqlite", StringComparison.Ordinal)).ToList();

        var missing = sqliteOnly
            .Where(c => !constants.Any(o => o.Type == c.Type && o.Field.Name == c.Field.Name[..^"Sqlite".Length] + "SqlServer"))
            .Select(c => $"{c.Type.FullName}.{c.Field.Name}")
            .ToList();

        Assert.True(missing.Count == 0, "SQLite-only statements without a SqlServer twin in the same type: " + string.Join(", ", missing));
        Assert.True(sqliteOnly.Count >= MinimumSqliteOnlyStatements, $"Expected at least {MinimumSqliteOnlyStatements} SQLite-only statements, found {sqliteOnly.Count}.");
    }

    // A statement kept under another name would escape both the parse check and the twin check.
    [Fact]
    public void StringConstantsHoldingSql_NamedByDialectSuffix()
    {
        string[] verbs = ["SELECT ", "INSERT ", "UPDATE ", "DELETE ", "MERGE ", "WITH ", "CREATE ", "ALTER ", "DROP ", "PRAGMA "];

        var unnamed = SqlConstants()
            .Where(c => verbs.Any(v => c.Sql.TrimStart().StartsWith(v, StringComparison.OrdinalIgnoreCase)))
            .Where(c => !IsSqlServerName(c.Field.Name) && !c.Field.Name.EndsWith("Sqlite", StringComparison.Ordinal))
            .Select(c => $"{c.Type.FullName}.{c.Field.Name}")
            .ToList();

        Assert.True(unnamed.Count == 0, "SQL constants whose names end in neither Sql, SqlServer nor Sqlite: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void ParseErrors_BrokenScript_Reported()
    {
        var script = Migrator.ReadScript(Migrator.ScriptNames(DatabaseProvider.SqlServer)[0]);
        var broken = script.Replace("CREATE TABLE customers (", "CREATE TABLE customers ((", StringComparison.Ordinal);

        Assert.NotEqual(script, broken);
        Assert.NotEmpty(ParseErrors(broken));
    }

    [Theory]
    [InlineData("INSERT INTO teams (name, created_at) VALUES (@Name, @Now) RETURNING id")]
    [InlineData("INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO NOTHING")]
    [InlineData("SELECT id FROM customers ORDER BY id LIMIT @Take OFFSET @Skip")]
    [InlineData("SELEC id FROM customers")]
    [InlineData("CREATE TABLE t (id INT,, name NVARCHAR(10))\nGO\nSELECT 1")]
    public void ParseErrors_SqliteDialectOrTypo_Reported(string sql) => Assert.NotEmpty(ParseErrors(sql));

    [Fact]
    public void ParseErrors_ValidBatchesSeparatedByGo_None() =>
        Assert.Empty(ParseErrors("CREATE TABLE t (id INT)\nGO\nCREATE TRIGGER tr ON t INSTEAD OF DELETE AS BEGIN THROW 51000, 'no', 1; END;\nGO"));
}
