using MudBlazor.Services;
using Workspace.Data.Database;
using Workspace.Web.Components;

namespace Workspace.Web.Features.Shell;

public static partial class ShellModule
{
    public static IServiceCollection AddWorkspaceShell(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        return services;
    }

    public static WebApplication UseWorkspaceShell(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWorkspacePages(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapGet("/", () => Results.LocalRedirect("/customers")).RequireAuthorization(Auth.Policies.Staff).ExcludeFromDescription();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Migrates, and seeds the demo world on an empty database when <c>Demo:Seed</c> is on.</summary>
    public static async Task InitializeWorkspaceDatabaseAsync(this WebApplication app)
    {
        var initializer = app.Services.GetRequiredService<DatabaseInitializer>();
        var seed = app.Configuration.GetValue("Demo:Seed", false);
        var result = await initializer.InitializeAsync(seed, app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), app.Lifetime.ApplicationStopping);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Workspace.Database");
        LogDatabaseReady(logger, result.AppliedScripts.Count, result.SeededDemo);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Scripts} migration scripts applied, demo data seeded: {Seeded})")]
    private static partial void LogDatabaseReady(ILogger logger, int scripts, bool seeded);
}
