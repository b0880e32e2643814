using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace Workspace.Benchmarks;

/// <summary>Runs BenchmarkDotNet benchmark classes with the command's own options passed on; false when any failed.</summary>
public static class BenchmarkRun
{
    public static bool Run(Type[] benchmarks, string[] args)
    {
        // Without a filter BenchmarkSwitcher asks on the console which benchmark to run; with none given, run them all.
        var withFilter = args.Any(a => a is "--filter" or "-f" || a.StartsWith("--filter=", StringComparison.Ordinal))
            ? args
            : [.. args, "--filter", "*"];
        // BenchmarkDotNet's default job with fixed counts: on this shared 2-core machine the default often ran on to its
        // 100-iteration cap and a full run took ten minutes; 8 warm-up and 20 measured iterations take about four. A
        // --job on the command line replaces it (both would run otherwise).
        var config = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal))
            ? DefaultConfig.Instance
            : DefaultConfig.Instance.AddJob(Job.Default.WithWarmupCount(8).WithIterationCount(20));
        var summaries = BenchmarkSwitcher.FromTypes(benchmarks).Run(withFilter, config);
        return !summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
    }
}
