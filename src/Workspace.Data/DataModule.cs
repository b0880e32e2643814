using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data.ApiKeys;
using Workspace.Data.Audit;
using Workspace.Data.Conversations;
using Workspace.Data.Customers;
using Workspace.Data.Database;
using Workspace.Data.Demo;
using Workspace.Data.Notifications;
using Workspace.Data.Privacy;
using Workspace.Data.Quality;
using Workspace.Data.Routing;
using Workspace.Data.Segments;
using Workspace.Data.Templates;
using Workspace.Data.Staff;
using Workspace.Data.Teams;

namespace Workspace.Data;

public static class DataModule
{
    /// <summary>
    /// Registers the database for <c>Database:Provider</c> (Sqlite by default) and
    /// <c>ConnectionStrings:Workspace</c> (by default the file data/workspace.db under
    /// <paramref name="contentRoot"/>), and the repositories.
    /// </summary>
    public static IServiceCollection AddWorkspaceData(this IServiceCollection services, string contentRoot)
    {
        // Resolved on first use, so hosts (and tests) can still override configuration after registration.
        services.AddSingleton(sp => ResolveOptions(sp.GetRequiredService<IConfiguration>(), contentRoot));
        services.AddSingleton<Db>();
        services.AddSingleton<CustomerRepository>();
        services.AddSingleton<CustomerContextQueries>();
        services.AddSingleton<StaffRepository>();
        services.AddSingleton<ApiKeyRepository>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ConversationRepository>();
        services.AddSingleton<InboxQueries>();
        services.AddSingleton<MessageSearch>();
        services.AddSingleton<QaSearchQueries>();
        services.AddSingleton<ScorecardRepository>();
        services.AddSingleton<ReviewRepository>();
        services.AddSingleton<FeedbackQueries>();
        services.AddSingleton<TeamRepository>();
        services.AddSingleton<NotificationRepository>();
        services.AddSingleton<SegmentRepository>();
        services.AddSingleton<FieldPolicyRepository>();
        services.AddSingleton<RoutingRepository>();
        services.AddSingleton<TemplateRepository>();
        services.AddSingleton<DemoDataGenerator>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    public static DatabaseOptions ResolveOptions(IConfiguration configuration, string contentRoot)
    {
        // Columns are snake_case; row classes are PascalCase.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or SqlServer (got '{providerText}').");
        }
        var connectionString = configuration.GetConnectionString("Workspace");
        if (provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Workspace is empty.");
            }
            return new DatabaseOptions { Provider = provider, ConnectionString = connectionString };
        }
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DatabaseOptions.DefaultSqliteFile}" : connectionString);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }
        builder.ForeignKeys = true;
        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return new DatabaseOptions { Provider = provider, ConnectionString = builder.ToString() };
    }
}
