namespace Workspace.Benchmarks.Routing;

/// <summary>The <c>routing</c> command: the routing benchmarks through BenchmarkDotNet, with its options passed on.</summary>
public static class RoutingBenchmarks
{
    public static int Run(string[] args) =>
        BenchmarkRun.Run([typeof(RoutingDecisionBenchmark), typeof(RoutingCompileBenchmark)], args) ? 0 : 1;
}
