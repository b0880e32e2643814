using Workspace.Benchmarks;
using Workspace.Benchmarks.Routing;

return args.FirstOrDefault() switch
{
    "context" => await ContextLoadBenchmark.RunAsync(args[1..]),
    "routing" => RoutingBenchmarks.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Workspace benchmarks
          context --database <sqlite file made by seed-large> [--iterations 2000] [--warmup 200]
            Loads the customer context (what the panel and GET /api/v1/customers/{id}/context read) for the heavy
            benchmark customer (10,000 events, 1,000 transactions, 300 conversations) and the light one (100 rows),
            interleaved, and prints p50/p95/p99/max for each and the ratio of the p99s.
          routing [BenchmarkDotNet options, e.g. --filter *Compile* or --job short]
            BenchmarkDotNet: one routing decision with its trace against a generated 200-rule ruleset, first matched by
            rule 100 and by rule 190, beside the same rules in Microsoft RulesEngine (first match and all rules), and
            compiling the 200 rules. Runs every benchmark unless --filter is given, with 8 warm-up and 20 measured
            iterations unless --job is given. Build in Release: dotnet run -c Release --project tools/Workspace.Benchmarks -- routing
        """);
    return 2;
}
