using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data.Staff;
using Workspace.Domain.Staff;

namespace Workspace.Web.Tests.Support;

/// <summary>
/// The real app on a temporary SQLite file seeded with the demo world, shared by the whole test
/// assembly because seeding takes seconds. Tests that change shared state (users, keys, customers)
/// create their own instead of touching the demo ones.
/// </summary>
public sealed class WorkspaceApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoApiKey = "wk_demo_key_0001";
    public const string DemoPassword = "Demo!2345";
    public const string AgentEmail = "agent@demo.local";
    public const string LeadEmail = "lead@demo.local";
    public const string QaEmail = "qa@demo.local";
    public const string AdminEmail = "admin@demo.local";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "workspace-web-tests", $"{Guid.NewGuid():N}.db");
    private readonly ConcurrentDictionary<string, Lazy<Task<StaffBrowser>>> _demoSessions = new(StringComparer.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Workspace"] = $"Data Source={_databasePath}",
            ["Demo:Seed"] = "true",
        }));
    }

    /// <summary>Starts the host, which migrates and seeds before the first test runs.</summary>
    public ValueTask InitializeAsync()
    {
        _ = Server;
        return ValueTask.CompletedTask;
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>An HTTP client for the REST API; no key header when <paramref name="apiKey"/> is null.</summary>
    public HttpClient CreateApiClient(string? apiKey = DemoApiKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
        return client;
    }

    /// <summary>A cookie-keeping client that does not follow redirects, like a browser whose redirects a test inspects.</summary>
    public StaffBrowser CreateBrowser() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A browser already signed in as <paramref name="email"/>.</summary>
    public async Task<StaffBrowser> SignedInAsync(string email, string password = DemoPassword)
    {
        var browser = CreateBrowser();
        await browser.SignInAsync(email, password);
        return browser;
    }

    /// <summary>
    /// A signed-in browser for a demo account, shared between tests to save sign-ins: use it only to
    /// read pages, never to sign out or change the account.
    /// </summary>
    public Task<StaffBrowser> DemoSessionAsync(string email) =>
        _demoSessions.GetOrAdd(email, e => new Lazy<Task<StaffBrowser>>(() => SignedInAsync(e))).Value;

    /// <summary>Creates a staff account of its own for a test that changes it (lockout, disable, roles).</summary>
    public async Task<(long Id, string Email, string Password)> CreateStaffAsync(params Role[] roles)
    {
        var email = $"staff-{Guid.NewGuid():N}@tests.local";
        const string password = "Tests!2345";
        var id = await Service<StaffRepository>().CreateAsync(
            email, "Test Staff", PasswordHashing.Hash(password), roles, "tests", DateTimeOffset.UtcNow, CancellationToken.None);
        return (id ?? throw new InvalidOperationException($"Could not create {email}."), email, password);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var session in _demoSessions.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
        {
            (await session.Value).Dispose();
        }
        await base.DisposeAsync();
        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
