using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data.ApiKeys;
using Workspace.Data.Audit;
using Workspace.Data.Customers;
using Workspace.Data.Database;
using Workspace.Data.Demo;
using Workspace.Data.Staff;

namespace Workspace.Data.Tests;

public class DataModuleTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static readonly string ContentRoot = Path.Combine(Path.GetTempPath(), "workspace-content-root");

    [Fact]
    public void ResolveOptions_NothingConfigured_SqliteFileInDataFolderUnderContentRoot()
    {
        var options = DataModule.ResolveOptions(Configuration(), ContentRoot);

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        Assert.Equal(Path.Combine(ContentRoot, "data", "workspace.db"), builder.DataSource);
        Assert.True(builder.ForeignKeys);
        Assert.True(builder.DefaultTimeout > 0);
    }

    [Fact]
    public void ResolveOptions_RelativeSqlitePath_ResolvedAgainstContentRoot()
    {
        var options = DataModule.ResolveOptions(Configuration(("ConnectionStrings:Workspace", "Data Source=custom/app.db")), ContentRoot);

        Assert.Equal(Path.Combine(ContentRoot, "custom", "app.db"), new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
    }

    [Fact]
    public void ResolveOptions_AbsoluteSqlitePath_KeptAsGiven()
    {
        var path = Path.Combine(Path.GetTempPath(), "elsewhere", "ws.db");

        var options = DataModule.ResolveOptions(Configuration(("ConnectionStrings:Workspace", $"Data Source={path}")), ContentRoot);

        Assert.Equal(path, new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
    }

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("sqlserver")]
    public void ResolveOptions_SqlServerProvider_ConnectionStringPassedThrough(string provider)
    {
        const string connectionString = "Server=db.internal;Database=Workspace;User Id=ws;Password=secret;TrustServerCertificate=True";

        var options = DataModule.ResolveOptions(Configuration(("Database:Provider", provider), ("ConnectionStrings:Workspace", connectionString)), ContentRoot);

        Assert.Equal(DatabaseProvider.SqlServer, options.Provider);
        Assert.Equal(connectionString, options.ConnectionString);
    }

    [Fact]
    public void ResolveOptions_SqlServerWithoutConnectionString_ThrowsNamingSetting()
    {
        var e = Assert.Throws<InvalidOperationException>(() => DataModule.ResolveOptions(Configuration(("Database:Provider", "SqlServer")), ContentRoot));

        Assert.Contains("ConnectionStrings:Workspace", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveOptions_UnknownProvider_ThrowsNamingValue()
    {
        var e = Assert.Throws<InvalidOperationException>(() => DataModule.ResolveOptions(Configuration(("Database:Provider", "Oracle")), ContentRoot));

        Assert.Contains("Oracle", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkspaceData_Registers_RepositoriesAndInitializer()
    {
        using var provider = new ServiceCollection()
            .AddSingleton(Configuration())
            .AddWorkspaceData(ContentRoot)
            .BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<CustomerRepository>());
        Assert.NotNull(provider.GetRequiredService<StaffRepository>());
        Assert.NotNull(provider.GetRequiredService<ApiKeyRepository>());
        Assert.NotNull(provider.GetRequiredService<AuditLog>());
        Assert.NotNull(provider.GetRequiredService<DemoDataGenerator>());
        Assert.NotNull(provider.GetRequiredService<DatabaseInitializer>());
        Assert.Same(provider.GetRequiredService<Db>(), provider.GetRequiredService<Db>());
        Assert.Equal(Path.Combine(ContentRoot, "data", "workspace.db"),
            new SqliteConnectionStringBuilder(provider.GetRequiredService<DatabaseOptions>().ConnectionString).DataSource);
    }
}
