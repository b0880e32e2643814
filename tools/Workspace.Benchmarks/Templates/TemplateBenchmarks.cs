using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace Workspace.Benchmarks.Templates;

/// <summary>
/// The <c>templates</c> command: the template benchmarks through BenchmarkDotNet, with its options passed on, then
/// the hostile-template timings.
/// </summary>
public static class TemplateBenchmarks
{
    public const int HostileRuns = 20;

    public static int Run(string[] args)
    {
        // The same check the benchmarks' setup makes, here so the text both engines render is shown once.
        var text = RealisticTemplate.CheckSameOutput(RealisticTemplate.CompileWorkspace(),
            RealisticTemplate.ParseFluid(RealisticTemplate.LiquidBody), RealisticTemplate.FluidOptions(), Domain.Templates.TemplateModel.Example);
        Console.WriteLine($"The realistic template renders the same {text.Length} characters in both engines:\n{text}\n");
        // Without a filter BenchmarkSwitcher asks on the console which benchmark to run; with none given, run them all.
        var withFilter = args.Any(a => a is "--filter" or "-f" || a.StartsWith("--filter=", StringComparison.Ordinal))
            ? args
            : [.. args, "--filter", "*"];
        // The same fixed job as the routing benchmarks (8 warm-up and 20 measured iterations) on this shared 2-core
        // machine; a --job on the command line replaces it (both would run otherwise).
        var config = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal))
            ? DefaultConfig.Instance
            : DefaultConfig.Instance.AddJob(Job.Default.WithWarmupCount(8).WithIterationCount(20));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(TemplateRenderBenchmark), typeof(TemplateCompileBenchmark)]).Run(withFilter, config);
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        HostileTemplates.Measure(HostileRuns);
        return failed ? 1 : 0;
    }
}
