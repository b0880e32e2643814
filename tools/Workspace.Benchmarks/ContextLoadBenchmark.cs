using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data;
using Workspace.Data.Customers;
using Workspace.Data.Demo;
using Workspace.Web.Features.Context;

namespace Workspace.Benchmarks;

/// <summary>
/// Context load on the large generated dataset: the same reads the context API makes (signals from one
/// round trip of aggregates, recent conversations, the first page of events and of transactions),
/// timed per call over many iterations so the tail (p99) is measured, not just the mean.
/// </summary>
public static class ContextLoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        if (options.Database is null || !File.Exists(options.Database))
        {
            Console.Error.WriteLine("Give --database: a SQLite file made by `dotnet run --project src/Workspace.Web -- seed-large`.");
            return 2;
        }
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Workspace"] = $"Data Source={options.Database};Mode=ReadOnly" })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddWorkspaceData(Directory.GetCurrentDirectory())
            .AddSingleton<CustomerContextService>()
            .BuildServiceProvider();
        var contexts = services.GetRequiredService<CustomerContextService>();
        var customers = services.GetRequiredService<CustomerRepository>();

        async Task<TimeSpan> LoadOnceAsync(string externalId)
        {
            var watch = Stopwatch.StartNew();
            var context = await contexts.LoadAsync(externalId, CancellationToken.None)
                ?? throw new InvalidOperationException($"Customer {externalId} is not in the database: was it made by seed-large?");
            await customers.RecentEventsAsync(context.Customer.Id, 0, 50, CancellationToken.None);
            await customers.RecentTransactionsAsync(context.Customer.Id, 0, 20, CancellationToken.None);
            return watch.Elapsed;
        }

        var heavy = BenchmarkCustomer.Heavy.ExternalId;
        var light = BenchmarkCustomer.Light.ExternalId;
        for (var i = 0; i < options.Warmup; i++)
        {
            await LoadOnceAsync(heavy);
            await LoadOnceAsync(light);
        }
        var heavyTimes = new List<double>(options.Iterations);
        var lightTimes = new List<double>(options.Iterations);
        for (var i = 0; i < options.Iterations; i++)
        {
            // Interleaved, so both customers see the same machine conditions.
            heavyTimes.Add((await LoadOnceAsync(heavy)).TotalMilliseconds);
            lightTimes.Add((await LoadOnceAsync(light)).TotalMilliseconds);
        }
        var h = Summary.Of(heavyTimes);
        var l = Summary.Of(lightTimes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"context load, {options.Iterations} iterations each after {options.Warmup} warm-up, {options.Database}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {heavy,-12} (10,000 events, 1,000 transactions, 300 conversations): {h}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {light,-12} (100 rows in all):                                  {l}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  p99 ratio heavy / light: {h.P99 / l.P99:0.00}"));
        return 0;
    }

    private sealed record Options(string? Database, int Iterations, int Warmup)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            return new Options(
                Value("--database"),
                int.TryParse(Value("--iterations"), out var n) ? n : 2000,
                int.TryParse(Value("--warmup"), out var w) ? w : 200);
        }
    }

    private sealed record Summary(double P50, double P95, double P99, double Max)
    {
        public static Summary Of(List<double> times)
        {
            var sorted = times.Order().ToArray();
            double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
            return new Summary(At(0.50), At(0.95), At(0.99), sorted[^1]);
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"p50 {P50:0.00} ms  p95 {P95:0.00} ms  p99 {P99:0.00} ms  max {Max:0.00} ms");
    }
}
