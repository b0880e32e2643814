using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data.Database;
using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Demo;

/// <summary>A fresh SQLite file initialized the way the app does it on first start, demo seed included.</summary>
public sealed class DemoDatabaseFixture : IAsyncLifetime
{
    /// <summary>A fixed anchor day, so two runs of the generator can be compared.</summary>
    public static readonly DateTimeOffset Anchor = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly SqliteTestDatabase _file = SqliteTestDatabase.CreateEmpty();

    public ServiceProvider Services { get; }

    public InitializationResult? FirstRun { get; private set; }

    public DemoDatabaseFixture() => Services = CreateServices(_file);

    /// <summary>The app's data services over <paramref name="file"/>, registered as the app registers them.</summary>
    public static ServiceProvider CreateServices(SqliteTestDatabase file)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Workspace"] = file.Options.ConnectionString })
            .Build();
        return new ServiceCollection().AddSingleton(configuration).AddWorkspaceData(Path.GetTempPath()).BuildServiceProvider();
    }

    public async ValueTask InitializeAsync() =>
        FirstRun = await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: true, Anchor, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _file.DisposeAsync();
    }
}
