using System.Diagnostics;
using Workspace.Data.Database;
using Workspace.Data.Demo;

namespace Workspace.Web.Features.Commands;

/// <summary>
/// Maintenance commands run instead of the web host:
/// <c>migrate</c> brings the schema up to date;
/// <c>seed-large</c> writes the benchmark dataset (100,000 customers, 5,000,000 events) into an empty database.
/// </summary>
public static class WorkspaceCommands
{
    private static readonly string[] Known = ["migrate", "seed-large"];

    public static (string? Command, string[] HostArgs) Split(string[] args) =>
        args.Length > 0 && Known.Contains(args[0], StringComparer.OrdinalIgnoreCase)
            ? (args[0].ToLowerInvariant(), args[1..])
            : (null, args);

    public static async Task<int> RunAsync(WebApplication app, string command)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        switch (command)
        {
            case "migrate":
                var applied = Migrator.Migrate(options);
                Console.WriteLine(applied.Count == 0
                    ? $"Schema already up to date ({options.Provider})."
                    : $"Applied {applied.Count} script(s) to {options.Provider}: {string.Join(", ", applied)}");
                return 0;
            case "seed-large":
                return await SeedLargeAsync(app, options);
            default:
                Console.Error.WriteLine($"Unknown command '{command}'. Known: {string.Join(", ", Known)}.");
                return 2;
        }
    }

    private static async Task<int> SeedLargeAsync(WebApplication app, DatabaseOptions options)
    {
        Migrator.Migrate(options);
        var staff = app.Services.GetRequiredService<Workspace.Data.Staff.StaffRepository>();
        if (await staff.CountAsync(CancellationToken.None) > 0)
        {
            Console.Error.WriteLine("The database is not empty. Point ConnectionStrings:Workspace at a new file, e.g. --ConnectionStrings:Workspace=\"Data Source=data/large.db\".");
            return 1;
        }
        var size = DemoSize.Large;
        Console.WriteLine($"Generating {size.Customers:N0} customers, {size.Events:N0} events, {size.Conversations:N0} conversations into {options.Provider}...");
        var watch = Stopwatch.StartNew();
        var lastPrint = TimeSpan.Zero;
        var progress = new SynchronousProgress(p =>
        {
            if (watch.Elapsed - lastPrint < TimeSpan.FromSeconds(2) && p.Done < p.Total)
            {
                return;
            }
            lastPrint = watch.Elapsed;
            Console.WriteLine($"[{watch.Elapsed:mm\\:ss}] {p.Phase}: {p.Done:N0}/{p.Total:N0} ({100.0 * p.Done / p.Total:F0}%), events {p.EventsWritten:N0}");
        });
        var generator = app.Services.GetRequiredService<DemoDataGenerator>();
        await generator.GenerateAsync(size, app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), progress, CancellationToken.None);
        Console.WriteLine($"Done in {watch.Elapsed:mm\\:ss}.");
        return 0;
    }

    // Progress<T> posts to the thread pool; printing in order needs the report handled inline.
    private sealed class SynchronousProgress(Action<DemoProgress> report) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => report(value);
    }
}
