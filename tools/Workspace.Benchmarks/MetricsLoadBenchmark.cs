using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data;
using Workspace.Data.Database;
using Workspace.Data.Quality;
using Workspace.Domain.Quality;

namespace Workspace.Benchmarks;

/// <summary>
/// The metrics dashboard on the large generated dataset: one load is what the page asks for (every metric overall,
/// per group and per day or week of the period, in one statement), timed per call over many iterations, for the
/// last 30 and 90 days of the data and each grouping.
/// </summary>
public static class MetricsLoadBenchmark
{
    private const string NewestSql = "SELECT MAX(created_at) FROM conversations";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var database = Value("--database");
        var iterations = int.TryParse(Value("--iterations"), out var n) ? n : 50;
        var warmup = int.TryParse(Value("--warmup"), out var w) ? w : 5;
        if (database is null || !File.Exists(database))
        {
            Console.Error.WriteLine("Give --database: a SQLite file made by `dotnet run --project src/Workspace.Web -- seed-large`.");
            return 2;
        }
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Workspace"] = $"Data Source={database};Mode=ReadOnly" })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddWorkspaceData(Directory.GetCurrentDirectory())
            .AddSingleton<MetricsQueries>()
            .BuildServiceProvider();
        var db = services.GetRequiredService<Db>();
        var queries = services.GetRequiredService<MetricsQueries>();

        // The periods end with the day of the newest conversation, so the figures do not depend on when the data was made.
        var newest = await db.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition(NewestSql)), CancellationToken.None);
        var to = new DateTimeOffset(UnixTime.FromMs(newest).UtcDateTime.Date.AddDays(1), TimeSpan.Zero);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"metrics dashboard load, {iterations} iterations each after {warmup} warm-up, {database}, periods ending {to:yyyy-MM-dd}"));
        (int Days, MetricGrouping Grouping, TimeBucket Bucket)[] cases =
        [
            (30, MetricGrouping.Team, TimeBucket.Day),
            (90, MetricGrouping.Team, TimeBucket.Day),
            (90, MetricGrouping.Agent, TimeBucket.Day),
            (90, MetricGrouping.Tier, TimeBucket.Week),
            (90, MetricGrouping.LifecycleStage, TimeBucket.Day),
        ];
        foreach (var (days, grouping, bucket) in cases)
        {
            var from = to.AddDays(-days);
            MetricsReport? report = null;
            for (var i = 0; i < warmup; i++)
            {
                report = await queries.ReportAsync(from, to, grouping, bucket, CancellationToken.None);
            }
            var times = new List<double>(iterations);
            for (var i = 0; i < iterations; i++)
            {
                var watch = Stopwatch.StartNew();
                report = await queries.ReportAsync(from, to, grouping, bucket, CancellationToken.None);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            var sorted = times.Order().ToArray();
            double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {days,2} days by {grouping,-14} per {bucket,-4} ({report!.Overall.ReassignmentRate.N,6:N0} conversations, {report.Groups.Count,2} groups, {report.Series.Count,2} points): p50 {At(0.5):0.0} ms  p95 {At(0.95):0.0} ms  max {sorted[^1]:0.0} ms"));
        }
        return 0;
    }
}
